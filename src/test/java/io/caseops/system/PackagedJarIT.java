package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.ModelFolders;
import io.caseops.testsupport.StaffClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as {@code java -jar} in its own process, deploys exactly what processes/
 * and forms/ hold, like spring-boot:run does (ModelDeploymentTest). Run by failsafe after {@code
 * package}.
 */
class PackagedJarIT {

  @TempDir Path dataDir;

  Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void jarDeploysEveryModelAndFormOfTheProjectFolders() throws Exception {
    int port = FreePort.find();
    Path jar = Path.of(System.getProperty("caseops.jar", "target/caseops.jar"));
    assertThat(jar).exists();
    Path log = dataDir.resolve("caseops.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--caseops.data-dir=" + dataDir,
                "--caseops.mail.sink.port=" + FreePort.find()));
    process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    StaffClient client = new StaffClient(port);
    awaitHealthy(client, log);

    HttpResponse<String> deployments =
        client.get(
            "/engine-rest/deployment?name=" + ModelDeployment.DEPLOYMENT_NAME, "demo", "demo");
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(deployments.body());
    assertThat(id.find()).as(deployments.body()).isTrue();
    HttpResponse<String> resources =
        client.get("/engine-rest/deployment/" + id.group(1) + "/resources", "demo", "demo");
    TreeSet<String> deployed = new TreeSet<>();
    Matcher name = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(resources.body());
    while (name.find()) {
      deployed.add(name.group(1));
    }
    assertThat(deployed).containsExactlyElementsOf(ModelFolders.deployableResources());
    assertThat(client.get("/camunda/app/tasklist/").statusCode()).isEqualTo(200);
    assertThat(client.get("/dev/mail").statusCode()).isEqualTo(200);
    // No profile given: the demo profile, which says so loudly.
    assertThat(Files.readString(log))
        .contains("DEMO PROFILE: every demo user's and contact's password is well known");

    // Its history, run through the real lifecycle: months of counted cases for the reports.
    awaitLog(log, "Demo profile: the demo data is in place");
    HttpResponse<String> trend =
        client.get("/staff/api/reports/attainment/trend?months=6&groupBy=catalogue", "mia", "mia");
    assertThat(trend.statusCode()).isEqualTo(200);
    Matcher met = Pattern.compile("\"met\":(\\d+)").matcher(trend.body());
    int counted = 0;
    while (met.find()) {
      counted += Integer.parseInt(met.group(1));
    }
    assertThat(counted).as(trend.body()).isGreaterThan(50);
  }

  private void awaitLog(Path log, String line) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!Files.readString(log).contains(line)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no '" + line + "' in the log within 120 s:\n" + tail(log));
      }
      Thread.sleep(500);
    }
  }

  private void awaitHealthy(StaffClient client, Path log) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the jar exited with " + process.exitValue() + ":\n" + tail(log));
      }
      try {
        if (client.get("/actuator/health").body().contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // keep waiting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the jar was not healthy within 120 s:\n" + tail(log));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
