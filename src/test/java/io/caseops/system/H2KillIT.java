package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.ContactClient;
import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.JarProcess;
import io.caseops.testsupport.StaffClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps what it acknowledged: the packaged jar on its H2 file database takes
 * submissions from four clients and is killed with SIGKILL right after a {@code 201 Created}; after
 * a restart every acknowledged case is there with its process, and no number is given twice.
 * (bench/node-kill.py does the same on PostgreSQL.) Run by failsafe after {@code package}.
 */
class H2KillIT {

  static final String IVY = "ivy.patel@initech.example";
  static final String CASE =
      """
      {"product":"automation-360","subject":"Runner offline","description":"Runner 7 is offline.",
       "region":"EMEA","answers":{"productionAffected":true,"productUsable":true,
       "workaroundAvailable":false,"usersAffected":"several","businessImpact":"critical",
       "requestType":"incident"}}""";

  @TempDir Path dataDir;

  String[] arguments() {
    return new String[] {
      "--caseops.data-dir=" + dataDir,
      "--caseops.mail.sink.port=" + FreePort.find(),
      "--caseops.demo.history-months=0",
      "--caseops.demo.cases=false"
    };
  }

  @Test
  void everyAcknowledgedCaseSurvivesAKillNineWithItsProcess() throws Exception {
    Path log = dataDir.resolve("caseops.log");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    try (JarProcess first = JarProcess.start(log, arguments())) {
      first.awaitHealthy(Duration.ofSeconds(180));
      first.awaitLog("Demo profile: the demo data is in place", Duration.ofSeconds(120));
      ContactClient ivy = ContactClient.demo(first.port(), IVY);
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (int c = 0; c < 4; c++) {
        clients.submit(
            () -> {
              while (!killed.get()) {
                try {
                  ContactClient.Response answer = ivy.post("/api/cases", CASE);
                  if (answer.status() == 201) {
                    acknowledged.add(answer.json().get("caseNumber").asText());
                    if (acknowledged.size() >= 40 && killed.compareAndSet(false, true)) {
                      first.kill(); // at once after a 201, other submissions in flight
                    }
                  }
                } catch (RuntimeException | InterruptedException connectionGone) {
                  return null;
                }
              }
              return null;
            });
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
      assertThat(killed).isTrue();
    }

    try (JarProcess second = JarProcess.start(log, arguments())) {
      second.awaitHealthy(Duration.ofSeconds(180));
      ContactClient ivy = ContactClient.demo(second.port(), IVY);
      StaffClient staff = new StaffClient(second.port());
      List<String> lost =
          acknowledged.stream()
              .filter(number -> ivy.get("/api/cases/" + number).status() != 200)
              .sorted()
              .toList();
      assertThat(lost).as("acknowledged cases missing after the restart").isEmpty();
      List<String> withoutProcess =
          acknowledged.stream()
              .filter(
                  number ->
                      !staff
                          .get(
                              "/engine-rest/process-instance/count?processDefinitionKey=SupportCase"
                                  + "&businessKey="
                                  + number,
                              "demo",
                              "demo")
                          .body()
                          .contains("\"count\":1"))
              .sorted()
              .toList();
      assertThat(withoutProcess).as("acknowledged cases without their process").isEmpty();
      ContactClient.Response next = ivy.post("/api/cases", CASE);
      assertThat(next.status()).isEqualTo(201);
      assertThat(acknowledged)
          .as("a number is never given twice")
          .doesNotContain(next.json().get("caseNumber").asText());
    }
  }
}
