package io.caseops.cases;

import static io.caseops.testsupport.ProcessTestEngine.CALLS;
import static io.caseops.testsupport.ProcessTestEngine.fireDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.caseops.testsupport.ProcessTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FollowTheSun.bpmn on the engine alone: the instance waits for {@code handOffAt}, hands off, and
 * waits for the next shift until the hand-off finds the case closed (a stub RegionHandOff that
 * moves {@code handOffAt} eight hours on, or clears it; FollowTheSunTest and CaseLifecycleScenarios
 * test the real one).
 */
@Deployment(resources = "processes/FollowTheSun.bpmn")
class FollowTheSunProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessTestEngine.extension("follow-the-sun-process-test");

  static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
  static final Duration SHIFT = Duration.ofHours(8);
  static final String CASE = "CASE-2026-000042";

  RuntimeService runtime;
  ManagementService management;

  /** How many more hand-offs find the case open; then the stub clears handOffAt. */
  int shiftsLeft;

  @BeforeEach
  void stubs() {
    runtime = ProcessTestEngine.engineOf(extension).getRuntimeService();
    management = ProcessTestEngine.engineOf(extension).getManagementService();
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    CALLS.clear();
    Mocks.register(
        "regionHandOff",
        (JavaDelegate)
            execution -> {
              CALLS.add("regionHandOff");
              Date next =
                  shiftsLeft-- > 0 ? Date.from(ClockUtil.now().toInstant().plus(SHIFT)) : null;
              execution.setVariable(CaseVariables.HAND_OFF_AT, next);
            });
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance route() {
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(
            CaseRouting.PROCESS,
            CASE,
            Map.of(CaseVariables.HAND_OFF_AT, Date.from(MONDAY.plus(SHIFT))));
    assertThat(instance).isWaitingAt("Timer_HolderOffShift");
    return instance;
  }

  @Test
  void nothingMovesBeforeTheHolderGoesOffShift() {
    ProcessInstance instance = route();
    fireDueJobs(management, Date.from(MONDAY.plus(SHIFT).minusSeconds(60)));
    assertThat(instance).isWaitingAt("Timer_HolderOffShift");
    assertThat(CALLS).isEmpty();
  }

  @Test
  void eachShiftChangeHandsTheCaseOnUntilItIsClosed() {
    shiftsLeft = 2;
    ProcessInstance instance = route();
    for (int shift = 1; shift <= 2; shift++) {
      fireDueJobs(management, Date.from(MONDAY.plus(SHIFT.multipliedBy(shift))));
      assertThat(instance).isWaitingAt("Timer_HolderOffShift");
      assertThat(CALLS).hasSize(shift);
    }
    fireDueJobs(management, Date.from(MONDAY.plus(SHIFT.multipliedBy(3))));
    assertThat(instance).isEnded().hasPassed("Task_HandOffToStaffedTeam", "EndEvent_HandOffsEnded");
    assertThat(CALLS).containsExactly("regionHandOff", "regionHandOff", "regionHandOff");
  }
}
