package io.caseops.testsupport;

import io.caseops.system.ModelDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the process owners' folders hold on disk: the resources that every run must deploy. */
public final class ModelFolders {

  private ModelFolders() {}

  /**
   * Resource names, e.g. {@code processes/SupportCase.bpmn}, of every deployable file under the
   * project folders.
   */
  public static TreeSet<String> deployableResources() {
    TreeSet<String> names = new TreeSet<>();
    for (String folder : ModelDeployment.FOLDERS) {
      Path root = Path.of(folder);
      if (!Files.isDirectory(root)) {
        throw new AssertionError(
            "no folder " + root.toAbsolutePath() + ": run the tests from the project folder");
      }
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(file -> ModelDeployment.SUFFIXES.stream().anyMatch(file.toString()::endsWith))
            .map(file -> folder + "/" + root.relativize(file).toString().replace('\\', '/'))
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }
}
