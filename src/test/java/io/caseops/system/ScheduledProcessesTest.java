package io.caseops.system;

import static io.caseops.testsupport.ProcessTestEngine.CALLS;
import static io.caseops.testsupport.ProcessTestEngine.fireDueJobs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.ProcessTestEngine;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three processes a timer starts (ReviewSchedule, AttainmentWatch, Housekeeping) on the engine
 * alone: each waits for its time of day, runs its one step once, ends, and has its next run
 * scheduled; on a cluster the timer job is one row, so one node runs it. The steps themselves are
 * tested with the real delegates (AccountReviewTest, AttainmentReportTest, CaseLifecycleScenarios'
 * outbox purge).
 */
@Deployment(
    resources = {
      "processes/ReviewSchedule.bpmn",
      "processes/AttainmentWatch.bpmn",
      "processes/Housekeeping.bpmn"
    })
class ScheduledProcessesTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessTestEngine.extension("scheduled-processes-test");

  HistoryService history;
  ManagementService management;

  @BeforeEach
  void stubs() {
    history = ProcessTestEngine.engineOf(extension).getHistoryService();
    management = ProcessTestEngine.engineOf(extension).getManagementService();
    CALLS.clear();
    for (String delegate : new String[] {"reviewScheduling", "attainmentWatch", "outboxPurge"}) {
      Mocks.register(delegate, (JavaDelegate) execution -> CALLS.add(delegate));
    }
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} runs {1} at {2}:{3}")
  @CsvSource({
    "ReviewSchedule,  reviewScheduling, -1, 5,  EndEvent_Scheduled",
    "AttainmentWatch, attainmentWatch,  -1, 15, EndEvent_Checked",
    "Housekeeping,    outboxPurge,      1,  30, EndEvent_Purged"
  })
  void runsItsStepOnceAtItsTimeAndSchedulesTheNextRun(
      String process, String delegate, int hour, int minute, String end) {
    Job first = timerOf(process);
    LocalDateTime due = local(first.getDuedate());
    assertThat(due.getMinute()).as("minute of the run").isEqualTo(minute);
    if (hour >= 0) {
      assertThat(due.getHour()).as("hour of the run").isEqualTo(hour);
    }

    fireDueJobs(management, new Date(first.getDuedate().getTime() - 60_000));
    // The other two processes' timers fire too when theirs fall due first.
    assertThat(CALLS).as("nothing before its time").doesNotContain(delegate);

    fireDueJobs(management, first.getDuedate());
    assertThat(CALLS).as("its step, once").containsOnlyOnce(delegate);
    HistoricProcessInstance run =
        history.createHistoricProcessInstanceQuery().processDefinitionKey(process).singleResult();
    assertThat(run.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(run.getEndActivityId()).isEqualTo(end);

    Date next = timerOf(process).getDuedate();
    assertThat(next).as("the next run").isAfter(first.getDuedate());
    assertThat(local(next).getMinute()).isEqualTo(minute);
  }

  Job timerOf(String process) {
    return management.createJobQuery().timers().processDefinitionKey(process).singleResult();
  }

  static LocalDateTime local(Date instant) {
    return LocalDateTime.ofInstant(instant.toInstant(), ZoneId.systemDefault());
  }
}
