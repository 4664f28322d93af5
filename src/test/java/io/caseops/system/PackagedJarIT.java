package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.JarProcess;
import io.caseops.testsupport.ModelFolders;
import io.caseops.testsupport.StaffClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as {@code java -jar} in its own process, deploys exactly what processes/
 * and forms/ hold, like spring-boot:run does (ModelDeploymentTest). Run by failsafe after {@code
 * package}.
 */
class PackagedJarIT {

  @TempDir Path dataDir;

  @Test
  void jarDeploysEveryModelAndFormOfTheProjectFolders() throws Exception {
    try (JarProcess jar =
        JarProcess.start(
            dataDir.resolve("caseops.log"),
            "--caseops.data-dir=" + dataDir,
            "--caseops.mail.sink.port=" + FreePort.find())) {
      jar.awaitHealthy(Duration.ofSeconds(120));
      StaffClient client = new StaffClient(jar.port());

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
      assertThat(jar.log())
          .contains("DEMO PROFILE: every demo user's and contact's password is well known");

      // Its history, run through the real lifecycle: months of counted cases for the reports.
      jar.awaitLog("Demo profile: the demo data is in place", Duration.ofSeconds(120));
      HttpResponse<String> trend =
          client.get(
              "/staff/api/reports/attainment/trend?months=6&groupBy=catalogue", "mia", "mia");
      assertThat(trend.statusCode()).isEqualTo(200);
      Matcher met = Pattern.compile("\"met\":(\\d+)").matcher(trend.body());
      int counted = 0;
      while (met.find()) {
        counted += Integer.parseInt(met.group(1));
      }
      assertThat(counted).as(trend.body()).isGreaterThan(50);
    }
  }
}
