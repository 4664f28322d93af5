package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The periods CaseOps reads from the models (the reopen window, the no-answer closure) fall due at
 * the instant the engine's own timer does: weeks and months included, and across a change of
 * daylight saving in a JVM whose zone has one (Europe/Paris here), where 14 days are not 336 hours.
 */
class ModelPeriodTest {

  static TimeZone jvmZone;
  static ProcessEngine engine;

  @BeforeAll
  static void engineInParis() {
    jvmZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
    engine =
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:model-period-test;DB_CLOSE_DELAY=1000")
            .setProcessEngineName("model-period-test")
            .setJobExecutorActivate(false)
            .buildProcessEngine();
  }

  @AfterAll
  static void back() {
    engine.close();
    TimeZone.setDefault(jvmZone);
  }

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  /** The due instant of a real timer with this duration, started at {@code start}. */
  static Instant engineTimer(String duration, Instant start) {
    String key = "Timer" + Math.abs(duration.hashCode());
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .intermediateCatchEvent("Timer_Wait")
            .timerWithDuration(duration)
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(key + ".bpmn", model)
        .deploy();
    ClockUtil.setCurrentTime(Date.from(start));
    String instance = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance)
        .singleResult()
        .getDuedate()
        .toInstant();
  }

  @ParameterizedTest(name = "{0} from {1} -> {2} ({3})")
  @CsvSource({
    // Paris leaves summer time on 2026-10-25: 14 days later is 12:00 local, 11:00Z, not 10:00Z.
    "P14D, 2026-10-20T10:00:00Z, 2026-11-03T11:00:00Z, 14 days",
    "P2W,  2026-10-20T10:00:00Z, 2026-11-03T11:00:00Z, 2 weeks",
    "P1W,  2026-11-23T10:00:00Z, 2026-11-30T10:00:00Z, 1 week",
    "P6D,  2026-03-25T10:00:00Z, 2026-03-31T09:00:00Z, 6 days",
    "P1M,  2026-01-31T10:00:00Z, 2026-02-28T10:00:00Z, 1 month",
    "PT4H, 2026-10-25T00:00:00Z, 2026-10-25T04:00:00Z, PT4H"
  })
  void aPeriodFallsDueWhenTheEnginesTimerDoes(
      String duration, Instant start, Instant due, String words) {
    CaseModels.Period period = new CaseModels.Period(duration);
    assertThat(period.after(start)).isEqualTo(due).isEqualTo(engineTimer(duration, start));
    assertThat(period.inWords()).isEqualTo(words);
  }
}
