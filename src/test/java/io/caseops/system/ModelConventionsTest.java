package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The model checker that process owners run before a redeployment ({@code tools/check-models.py},
 * see docs/process-owners.md) passes on the shipped models: every element has its diagram shape,
 * ids are readable.
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
}
