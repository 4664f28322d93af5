package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.cases.CaseIntake;
import io.caseops.testsupport.CaseOpsRun;
import io.caseops.testsupport.ContactClient;
import io.caseops.testsupport.DemoCases;
import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.StaffClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One CaseOps node on an H2 file, as {@code java -jar} runs it by default, stopped and started
 * again. The restarted node finds its data as it left it; it runs timers at their due instant while
 * its job executor waits ten minutes between polls; and it serves the staff surfaces on a port of
 * their own. The three share the node's two starts (a JVM of their own: pom.xml's isolated tests).
 */
class H2NodeTest {

  static final Duration POLL = Duration.ofMinutes(10);
  static final int STAFF_PORT = FreePort.find();

  @TempDir static Path dataDir;
  static DemoCases.Opened opened;
  static ConfigurableApplicationContext restarted;

  @BeforeAll
  static void startStopAndStartAgain() {
    try (ConfigurableApplicationContext first = node().start()) {
      opened = DemoCases.submit(first);
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser("restartcheck"));
    }
    restarted =
        node()
            .property("camunda.bpm.job-execution.enabled", "true")
            .property("camunda.bpm.job-execution.wait-time-in-millis", POLL.toMillis())
            .property("camunda.bpm.job-execution.max-wait", POLL.toMillis())
            .property("caseops.jobs.look-ahead", "PT1S")
            .property("caseops.staff-surfaces.port", STAFF_PORT)
            .property("caseops.staff-surfaces.address", "127.0.0.1")
            .start();
  }

  @AfterAll
  static void stop() {
    restarted.close();
  }

  /**
   * The default run: the demo profile, its data in an H2 file; no demo cases to keep jobs quiet.
   */
  private static CaseOpsRun node() {
    return CaseOpsRun.withProfiles("demo")
        .property("caseops.data-dir", dataDir.toString())
        .property("caseops.demo.cases", "false");
  }

  @Test
  void restartKeepsDataAndDeploysNothingNew() {
    assertThat(Files.exists(dataDir.resolve("caseops.mv.db"))).isTrue();
    ProcessEngine engine = restarted.getBean(ProcessEngine.class);
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(opened.caseNumber())
                .processDefinitionKey(CaseIntake.PROCESS)
                .singleResult()
                .getId())
        .isEqualTo(opened.processInstanceId());
    assertThat(engine.getIdentityService().createUserQuery().userId("restartcheck").count())
        .isEqualTo(1);
    assertThat(
            engine
                .getRepositoryService()
                .createDeploymentQuery()
                .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
                .count())
        .isEqualTo(1);
    JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
    assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(8);
  }

  /**
   * A timer fires when it falls due, not at the job executor's next poll: each timer here is due
   * two seconds ahead. One is created on this node (CaseOps hears of it at once); the other is
   * moved to its due instant behind CaseOps' back, as another node would create it (the look-ahead,
   * every second here, finds it).
   */
  @Test
  void timersFireAtTheirDueInstantWhileTheEngineWaitsTenMinutesBetweenPolls() throws Exception {
    ProcessEngine engine = restarted.getBean(ProcessEngine.class);
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "TimerWakeUpTest.bpmn",
            Bpmn.createExecutableProcess("TimerWakeUpTest")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .intermediateCatchEvent("Timer_Due")
                .timerWithDuration("${wait}")
                .endEvent("EndEvent_Fired")
                .done())
        .deploy();
    // Let the job executor's first polls pass: from now on it sleeps ten minutes between them.
    Thread.sleep(2_000);

    String createdHere =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("TimerWakeUpTest", Map.of("wait", "PT2S"))
            .getId();
    String movedElsewhere =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey("TimerWakeUpTest", Map.of("wait", "P1D"))
            .getId();
    ManagementService management = engine.getManagementService();
    Job farAway = management.createJobQuery().processInstanceId(movedElsewhere).singleResult();
    // Set straight in the database, as another node's engine would have: no hint reaches this node.
    restarted
        .getBean(JdbcTemplate.class)
        .update(
            "update act_ru_job set duedate_ = ? where id_ = ?",
            Date.from(EngineInternals.now().plusSeconds(2)),
            farAway.getId());

    // Far less than the engine's poll: only a wake-up at the due instant gets there.
    assertThat(ended(engine, createdHere, Duration.ofSeconds(60))).isTrue();
    assertThat(ended(engine, movedElsewhere, Duration.ofSeconds(60))).isTrue();
    for (String instance : new String[] {createdHere, movedElsewhere}) {
      HistoricJobLog ran =
          engine
              .getHistoryService()
              .createHistoricJobLogQuery()
              .processInstanceId(instance)
              .successLog()
              .singleResult();
      // Never early: the job ran at or after the instant it was due.
      assertThat(ran.getTimestamp()).isAfterOrEqualTo(ran.getJobDueDate());
    }
  }

  /**
   * With {@code caseops.staff-surfaces.port} set, the webapps, the engine REST API, the staff API
   * and actuator's metrics are served on that port only; the customer port keeps the contact API,
   * the policy and health.
   */
  @Test
  void staffSurfacesAnswerOnTheirOwnPortOnly() {
    int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
    StaffClient customerPort = new StaffClient(port);
    StaffClient staffPort = new StaffClient(STAFF_PORT);
    for (String path :
        List.of(
            "/camunda/app/tasklist/default/",
            "/engine-rest/task",
            "/staff/api/cases/" + opened.caseNumber(),
            "/actuator/prometheus")) {
      var refused = customerPort.get(path, "demo", "demo");
      assertThat(refused.statusCode()).as(path + " on the customer port").isEqualTo(404);
      assertThat(refused.body()).contains("No such resource on this port.");
      assertThat(staffPort.get(path, "demo", "demo").body())
          .as(path + " on the staff port")
          .doesNotContain("No such resource on this port.");
    }
    assertThat(staffPort.get("/engine-rest/task", "demo", "demo").statusCode()).isEqualTo(200);
    assertThat(staffPort.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    assertThat(customerPort.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(
            customerPort
                .get("/api/policy/calendars/EMEA?catalogue=automation-anywhere")
                .statusCode())
        .isEqualTo(200);
    assertThat(ContactClient.demo(port, "ivy.patel@initech.example").get("/api/me").status())
        .isEqualTo(200);
  }

  private static boolean ended(ProcessEngine engine, String instance, Duration patience)
      throws InterruptedException {
    HistoryService history = engine.getHistoryService();
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      if (history
              .createHistoricProcessInstanceQuery()
              .processInstanceId(instance)
              .finished()
              .count()
          == 1) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
