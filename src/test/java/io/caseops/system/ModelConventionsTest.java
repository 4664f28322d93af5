package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model checker that process owners run before a redeployment ({@code tools/check-models.py},
 * see docs/process-owners.md) passes on the shipped models: every element has its diagram shape,
 * ids are readable; and every BPMN model has a process-tier test, whose coverage is enforced.
 */
class ModelConventionsTest {

  @Test
  void theShippedModelsPassTheProcessOwnersChecker() throws IOException, InterruptedException {
    Process checker =
        new ProcessBuilder("python3", "tools/check-models.py", ".")
            .redirectErrorStream(true)
            .start();
    assertThat(checker.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(checker.exitValue()).as(output).isZero();
    assertThat(output).contains("0 problems");
  }

  /**
   * A process test is a class on {@link io.caseops.testsupport.ProcessTestEngine}, whose extension
   * fails the class unless its tests walk every flow node and sequence flow of what it deploys.
   */
  @Test
  void everyProcessHasAProcessTestThatWalksAllOfIt() throws IOException {
    Set<String> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".bpmn"))
              .collect(Collectors.toSet());
    }
    Pattern deployed = Pattern.compile("\"processes/([A-Za-z]+\\.bpmn)\"");
    Set<String> tested;
    try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
      tested =
          sources
              .filter(file -> file.toString().endsWith(".java"))
              .map(ModelConventionsTest::read)
              .filter(source -> source.contains("ProcessTestEngine.extension("))
              .flatMap(source -> deployed.matcher(source).results().map(model -> model.group(1)))
              .collect(Collectors.toSet());
    }
    assertThat(models).isNotEmpty();
    assertThat(tested).as("models deployed by a process test").containsAll(models);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
