package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A timer fires when it falls due, not at the job executor's next poll: here the engine polls every
 * ten minutes, and each timer is due two seconds ahead. One is created on this node (CaseOps hears
 * of it at once); the other is moved to its due instant behind CaseOps' back, as another node would
 * create it (the look-ahead, every second here, finds it).
 */
class TimerWakeUpTest {

  static final Duration POLL = Duration.ofMinutes(10);

  @TempDir Path dataDir;

  @Test
  void timersFireAtTheirDueInstantWhileTheEngineWaitsTenMinutesBetweenPolls() throws Exception {
    try (ConfigurableApplicationContext caseops =
        CaseOpsRun.withProfiles("demo")
            .property("caseops.data-dir", dataDir.toString())
            .property("caseops.demo.cases", "false")
            .property("camunda.bpm.job-execution.enabled", "true")
            .property("camunda.bpm.job-execution.wait-time-in-millis", POLL.toMillis())
            .property("camunda.bpm.job-execution.max-wait", POLL.toMillis())
            .property("caseops.jobs.look-ahead", "PT1S")
            .start()) {
      ProcessEngine engine = caseops.getBean(ProcessEngine.class);
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
      // Set straight in the database, as another node's engine would have: no hint reaches
      // this node.
      caseops
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
