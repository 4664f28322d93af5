package io.caseops.cases;

import static io.caseops.testsupport.ProcessTestEngine.CALLS;
import static io.caseops.testsupport.ProcessTestEngine.fireDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.caseops.testsupport.ProcessTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * Each path of Escalation.bpmn, with the real EscalationAcknowledgement decision and stub delegates
 * (CaseLifecycleScenarios runs the real ones): acknowledged in time, acknowledged late after the
 * support managers' alert, and ended by the case's closure before anyone acknowledged it.
 */
@Deployment(resources = {"processes/Escalation.bpmn", "processes/EscalationAcknowledgement.dmn"})
class EscalationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessTestEngine.extension("escalation-process-test");

  static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
  static final String CASE = "CASE-2026-000042";

  RuntimeService runtime;
  ManagementService management;

  @BeforeEach
  void stubs() {
    runtime = ProcessTestEngine.engineOf(extension).getRuntimeService();
    management = ProcessTestEngine.engineOf(extension).getManagementService();
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    CALLS.clear();
    Mocks.register(
        "escalationIntake",
        (ExecutionListener)
            execution -> {
              execution.setVariable(CaseVariables.SEVERITY, 1);
              execution.setVariable(CaseVariables.ESCALATION, "pooled");
            });
    Mocks.register(
        "escalationSchedule",
        (JavaDelegate)
            execution -> {
              // The decision's answer from now, on the calendar clock.
              Duration within =
                  Duration.parse((String) execution.getVariable(CaseVariables.ACKNOWLEDGE_WITHIN));
              execution.setVariable(CaseVariables.ACKNOWLEDGE_BY, Date.from(MONDAY.plus(within)));
              CALLS.add("escalationSchedule:" + within);
            });
    for (String delegate :
        new String[] {"escalationOverdue", "escalationAcknowledged", "escalationEndedWithCase"}) {
      Mocks.register(delegate, (JavaDelegate) execution -> CALLS.add(delegate));
    }
    ProcessTestEngine.recordTaskListeners("escalationTask", "caseBriefing");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  ProcessInstance escalate() {
    ProcessInstance instance = runtime.startProcessInstanceByKey(CaseEscalations.PROCESS, CASE);
    assertThat(instance).isWaitingAt("Task_AcknowledgeEscalation");
    return instance;
  }

  Date at(String fromMonday) {
    return Date.from(MONDAY.plus(Duration.parse(fromMonday)));
  }

  @Test
  void anEscalationAcknowledgedInTimeTellsTheContacts() {
    ProcessInstance instance = escalate();
    complete(task(instance));
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_TellContactsAcknowledged", "EndEvent_EscalationAcknowledged")
        .hasNotPassed("Task_AlertSupportManagers");
  }

  @Test
  void anOverdueEscalationAlertsTheSupportManagersAndStaysForItsManager() {
    ProcessInstance instance = escalate();
    String within = CALLS.get(0).substring("escalationSchedule:".length());
    fireDueJobs(management, Date.from(MONDAY.plus(Duration.parse(within)).plusSeconds(60)));
    assertThat(instance)
        .hasPassed("Task_AlertSupportManagers", "EndEvent_ManagersAlerted")
        .isWaitingAt("Task_AcknowledgeEscalation");
    complete(task(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_EscalationAcknowledged");
  }

  @Test
  void theCasesClosureEndsAnEscalationNobodyAcknowledgedAndItsOverdueAlert() {
    ProcessInstance instance = escalate();
    runtime
        .createMessageCorrelation(CaseEngine.CASE_CLOSED)
        .processInstanceBusinessKey(CASE)
        .correlateAll();
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_EndEscalationWithCase", "EndEvent_EscalationEndedWithCase")
        .hasNotPassed("Task_TellContactsAcknowledged");
    assertThat(management.createJobQuery().processInstanceId(instance.getId()).count())
        .as("no overdue alert left")
        .isZero();
    fireDueJobs(management, at("P1D"));
    assertThat(CALLS).contains("escalationEndedWithCase").doesNotContain("escalationOverdue");
  }
}
