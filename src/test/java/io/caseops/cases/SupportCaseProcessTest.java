package io.caseops.cases;

import static io.caseops.testsupport.ProcessTestEngine.CALLS;
import static io.caseops.testsupport.ProcessTestEngine.fireDueJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.caseops.sla.Target;
import io.caseops.testsupport.ProcessTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each path of SupportCase.bpmn, CustomerFollowUp.bpmn and RootCauseAnalysis.bpmn, with the real
 * Severity and ResponseTarget decisions and stub delegates (the Spring integration tests run the
 * real ones). Time moves with ClockUtil; timers are fired by executing the jobs that fall due.
 */
@Deployment(
    resources = {
      "processes/SupportCase.bpmn",
      "processes/CustomerFollowUp.bpmn",
      "processes/RootCauseAnalysis.bpmn",
      "processes/Severity.dmn",
      "processes/ResponseTarget.dmn"
    })
class SupportCaseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessTestEngine.extension("support-case-process-test");

  static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

  ProcessEngine engine;
  RuntimeService runtime;
  ManagementService management;

  /** What the stub entitlement lookup answers: the plan of the case, or a refusal. */
  record Plan(String catalogue, String plan, String product, boolean criticalSituationManagement) {}

  Plan plan;
  String refusal;

  @BeforeEach
  void stubs() {
    engine = ProcessTestEngine.engineOf(extension);
    runtime = engine.getRuntimeService();
    management = engine.getManagementService();
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    CALLS.clear();
    plan = new Plan("adobe-experience-cloud", "expert", "adobe-experience-manager", false);
    refusal = null;
    Mocks.register(
        "entitlementLookupDelegate",
        (JavaDelegate)
            execution -> {
              if (refusal != null) {
                throw new BpmnError(EntitlementLookupDelegate.REFUSED, refusal);
              }
              execution.setVariable(CaseVariables.CATALOGUE, plan.catalogue());
              execution.setVariable(CaseVariables.PLAN, plan.plan());
              execution.setVariable(CaseVariables.PRODUCT, plan.product());
              execution.setVariable(CaseVariables.LICENCE_START, "2024-01-01");
              execution.setVariable(CaseVariables.PRIORITY_QUEUE, false);
              execution.setVariable(CaseVariables.LANGUAGE, "en");
            });
    Mocks.register("responseSchedule", (JavaDelegate) this::schedule);
    Mocks.register(
        "severityChange",
        (JavaDelegate)
            execution -> {
              CALLS.add("severityChange");
              execution.setVariable(
                  CaseVariables.OPEN_CRITICAL_SITUATION,
                  ((Number) execution.getVariable(CaseVariables.SEVERITY)).intValue() == 1
                      && plan.criticalSituationManagement());
            });
    for (String delegate :
        new String[] {
          "caseRejection",
          "responseAlert",
          "caseClosure",
          "caseReopening",
          "followUpReminder",
          "rcaDelivery",
          "rcaDecline",
          "customerMessageNotice",
          "firstResponseRecord",
          "caseClosedNotice",
          "criticalSituationEnded"
        }) {
      Mocks.register(delegate, (JavaDelegate) execution -> CALLS.add(call(delegate, execution)));
    }
    ProcessTestEngine.recordTaskListeners(
        "caseBriefing", "engineerAction", "criticalSituationOpened", "criticalSituationHandled");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The schedule, simplified: the target on the calendar clock from now, the warning at 75 %. */
  void schedule(DelegateExecution execution) {
    String target = (String) execution.getVariable(CaseVariables.RESPONSE_TARGET);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date due = null;
    Date warning = null;
    if (target != null) {
      Target parsed = Target.parse(target);
      Duration length = parsed.time().plusDays(parsed.days());
      due = Date.from(now.plus(length));
      warning = Date.from(now.plus(length.multipliedBy(3).dividedBy(4)));
    }
    execution.setVariable(CaseVariables.RESPONSE_DUE_AT, due);
    execution.setVariable(CaseVariables.RESPONSE_WARNING_AT, warning);
    execution.setVariable(CaseVariables.CANDIDATE_GROUP, "team-amer");
    execution.setVariable(
        CaseVariables.OPEN_CRITICAL_SITUATION,
        ((Number) execution.getVariable(CaseVariables.SEVERITY)).intValue() == 1
            && plan.criticalSituationManagement()
            && !CALLS.contains("criticalSituationOpened:create"));
    CALLS.add("responseSchedule:" + target);
  }

  static String call(String delegate, DelegateExecution execution) {
    for (String input :
        new String[] {CaseVariables.ALERT, CaseVariables.CLOSED_BY, CaseVariables.REMINDER}) {
      if (execution.hasVariableLocal(input)) {
        return delegate + ":" + execution.getVariableLocal(input);
      }
    }
    return delegate;
  }

  ProcessInstance submit(Map<String, Object> answers) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(CaseVariables.SUBMITTER, "ana.lima@northwind.example")
            .putValue(CaseVariables.PRODUCT, plan.product());
    variables.putAll(answers);
    instance =
        runtime
            .createMessageCorrelation(CaseEngine.CASE_SUBMITTED)
            .processInstanceBusinessKey("CASE-2026-000001")
            .setVariables(variables)
            .correlateStartMessage();
    return instance;
  }

  static Map<String, Object> answers(
      boolean production,
      boolean usable,
      boolean workaround,
      String users,
      String impact,
      String type) {
    return Map.of(
        CaseVariables.PRODUCTION_AFFECTED,
        production,
        CaseVariables.PRODUCT_USABLE,
        usable,
        CaseVariables.WORKAROUND_AVAILABLE,
        workaround,
        CaseVariables.USERS_AFFECTED,
        users,
        CaseVariables.BUSINESS_IMPACT,
        impact,
        CaseVariables.REQUEST_TYPE,
        type);
  }

  static final Map<String, Object> PRODUCTION_DOWN =
      answers(true, false, false, "all", "critical", "incident");
  static final Map<String, Object> MAJOR =
      answers(true, true, false, "several", "major", "incident");
  static final Map<String, Object> QUESTION = answers(false, true, true, "one", "none", "question");

  static Date at(String offset) {
    return Date.from(MONDAY.plus(Duration.parse(offset)));
  }

  ProcessInstance instance;

  void respond(String action) {
    complete(
        task(instance),
        withVariables(CaseVariables.ACTION, action, CaseVariables.PUBLIC_REPLY, "We are on it."));
  }

  // --- intake ---

  @Test
  void aRefusedEntitlementEndsTheCaseAsRejected() {
    refusal = "nobody@example.com is not a named support contact";
    ProcessInstance instance = submit(MAJOR);

    assertThat(instance)
        .isEnded()
        .hasPassed("Task_RejectCase", "EndEvent_CaseRejected")
        .hasNotPassed("Task_ClassifySeverity");
    assertThat(CALLS).containsExactly("caseRejection");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName(CaseVariables.REFUSAL)
                .singleResult()
                .getValue())
        .isEqualTo(refusal);
  }

  @Test
  void answersAreClassifiedAndTheTargetLookedUp() {
    ProcessInstance instance = submit(MAJOR);

    assertThat(instance)
        .hasPassed("Task_ClassifySeverity", "Task_LookUpResponseTarget", "Task_ScheduleResponse")
        .isWaitingAt("Task_RespondToCustomer")
        .variables()
        .containsEntry(CaseVariables.SEVERITY, 2)
        .containsEntry(CaseVariables.RESPONSE_TARGET, "PT2H")
        .containsEntry(CaseVariables.RESPONSE_CLOCK, "business")
        .containsEntry(CaseVariables.RESPONSE_COVERAGE, "business-hours");
    assertThat(task()).hasCandidateGroup("team-amer");
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .initializeFormKeys()
                .singleResult()
                .getCamundaFormRef()
                .getKey())
        .isEqualTo("RespondToCustomer");
  }

  @Test
  void aPlanWithoutTargetHasNoTimers() {
    plan = new Plan("automation-anywhere", "orange", "automation-360", false);
    ProcessInstance instance = submit(MAJOR);

    assertThat(instance).isWaitingAt("Task_RespondWithoutTarget");
    assertThat(instance).variables().containsEntry(CaseVariables.RESPONSE_TARGET, null);
    assertThat(management.createJobQuery().timers().count()).isZero();

    respond(NextStep.KEEP_WORKING.value());
    assertThat(instance).isWaitingAt("Task_WorkCase");
  }

  // --- SLA timers ---

  @Test
  void warningThenResponseBeforeTheBreach() {
    ProcessInstance instance = submit(MAJOR); // Expert P2: PT2H, warning at 1h30
    assertThat(management.createJobQuery().timers().count()).isEqualTo(2);

    fireDueJobs(management, at("PT1H31M"));
    assertThat(CALLS).contains("responseAlert:warning").doesNotContain("responseAlert:breach");
    assertThat(instance)
        .hasPassed("Task_WarnResponseAtRisk", "EndEvent_WarningSent")
        .isWaitingAt("Task_RespondToCustomer");

    respond(NextStep.KEEP_WORKING.value());
    assertThat(instance).isWaitingAt("Task_WorkCase");
    assertThat(management.createJobQuery().timers().count())
        .as("the breach timer is gone")
        .isZero();
    fireDueJobs(management, at("PT3H"));
    assertThat(CALLS).doesNotContain("responseAlert:breach");
  }

  @Test
  void aMissedTargetEscalatesAndTheTaskStays() {
    ProcessInstance instance = submit(PRODUCTION_DOWN); // Expert P1: PT1H

    fireDueJobs(management, at("PT1H1M"));
    assertThat(CALLS).containsSubsequence("responseAlert:warning", "responseAlert:breach");
    assertThat(instance)
        .hasPassed("Task_EscalateBreach", "EndEvent_Escalated")
        .isWaitingAt("Task_RespondToCustomer");
  }

  // --- the engineer's loop ---

  @Test
  void reclassifyingBeforeTheFirstResponseRecomputesTheDueDates() {
    ProcessInstance instance = submit(MAJOR); // P2: PT2H
    complete(
        task(instance),
        withVariables(
            CaseVariables.ACTION,
            NextStep.RECLASSIFY.value(),
            CaseVariables.NEW_SEVERITY,
            4,
            CaseVariables.RECLASSIFY_REASON,
            "a how-to question"));
    // The listener (stubbed here) sets the new severity; the stub only records, so set it as the
    // real one does.
    assertThat(CALLS)
        .containsSubsequence(
            "responseSchedule:PT2H", "engineerAction:complete", "responseSchedule:PT2H");
    assertThat(instance).isWaitingAt("Task_RespondToCustomer");
    assertThat(runtime.createExecutionQuery().activityId("Task_RespondToCustomer").count())
        .isEqualTo(1);
    assertThat(management.createJobQuery().timers().count())
        .as("timers of the new due dates only")
        .isEqualTo(2);
  }

  @Test
  void reclassifyingWhileWorkingStaysWithTheEngineer() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.KEEP_WORKING.value());
    complete(task(instance), withVariables(CaseVariables.ACTION, NextStep.RECLASSIFY.value()));

    assertThat(instance).isWaitingAt("Task_WorkCase");
    assertThat(CALLS.stream().filter(call -> call.startsWith("responseSchedule")).count())
        .isEqualTo(1);
  }

  @Test
  void theEngineerClosesAndTheCaseEndsAfterTheReopenWindow() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.CLOSE.value());

    assertThat(instance)
        .hasPassed("Task_CloseCase", "Event_CaseClosed")
        .isWaitingAt("Gateway_ReopenOrExpire");
    assertThat(CALLS).contains("caseClosure:engineer", "caseClosedNotice");
    fireDueJobs(management, at("P14DT1M"));
    assertThat(instance).isEnded().hasPassed("Task_EndCriticalSituation", "EndEvent_CaseClosed");
  }

  @Test
  void aCriticalSituationStillOpenWhenTheCaseClosesForGoodEndsThroughItsOwnStep() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", true);
    instance = submit(PRODUCTION_DOWN);
    complete(
        task("Task_RespondToCustomer", instance),
        withVariables(
            CaseVariables.ACTION, NextStep.CLOSE.value(), CaseVariables.PUBLIC_REPLY, "Fixed."));
    assertThat(instance)
        .as("closed, the critical situation stays for the escalation manager")
        .isWaitingAt("Task_ManageCriticalSituation");

    fireDueJobs(management, at("P14DT1M"));
    assertThat(instance)
        .isEnded()
        .hasPassed("Task_EndCriticalSituation", "EndEvent_CaseClosed")
        .hasNotPassed("EndEvent_CriticalSituationClosed");
    assertThat(CALLS.indexOf("criticalSituationEnded"))
        .as("recorded before the end event ends the task")
        .isGreaterThan(CALLS.indexOf("caseClosure:engineer"));
  }

  // --- customer follow-up ---

  @Test
  void requestedInformationRemindsOnDays135AndClosesOnDay6() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.REQUEST_INFORMATION.value());
    assertThat(instance).isWaitingAt("CallActivity_FollowUpWithCustomer");
    ProcessInstance followUp = calledProcessInstance(instance);
    assertThat(followUp)
        .variables()
        .containsEntry(CaseVariables.WAITING_FOR, NextStep.REQUEST_INFORMATION.value());

    fireDueJobs(management, at("P1DT1M"));
    assertThat(CALLS).contains("followUpReminder:1").doesNotContain("followUpReminder:3");
    fireDueJobs(management, at("P3DT1M"));
    assertThat(CALLS).contains("followUpReminder:3").doesNotContain("followUpReminder:5");
    fireDueJobs(management, at("P5DT1M"));
    assertThat(CALLS).contains("followUpReminder:5").doesNotContain("caseClosure:no-answer");
    fireDueJobs(management, at("P6DT1M"));

    assertThat(CALLS).contains("caseClosure:no-answer");
    assertThat(followUp).isEnded().hasPassed("EndEvent_ClosedForNoAnswer");
    assertThat(instance)
        .hasPassed("Gateway_CaseClosed")
        .hasNotPassed("Task_CloseCase")
        .isWaitingAt("Gateway_ReopenOrExpire");
  }

  @Test
  void aProposedResolutionRemindsOnDays135AndClosesOnDay6() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.PROVIDE_RESOLUTION.value());
    ProcessInstance followUp = calledProcessInstance(instance);
    assertThat(followUp)
        .variables()
        .containsEntry(CaseVariables.WAITING_FOR, NextStep.PROVIDE_RESOLUTION.value());

    fireDueJobs(management, at("P6DT1M"));

    assertThat(CALLS)
        .containsSubsequence(
            "followUpReminder:1",
            "followUpReminder:3",
            "followUpReminder:5",
            "caseClosure:no-answer");
    assertThat(instance).isWaitingAt("Gateway_ReopenOrExpire");
  }

  @Test
  void aReplyOnDay2StopsTheReminders() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.REQUEST_INFORMATION.value());
    ProcessInstance followUp = calledProcessInstance(instance);

    fireDueJobs(management, at("P2D"));
    runtime
        .createMessageCorrelation(CaseEngine.CUSTOMER_REPLIED)
        .processInstanceBusinessKey("CASE-2026-000001")
        .correlate();

    assertThat(followUp).isEnded().hasPassed("EndEvent_CustomerReplied");
    assertThat(instance).isWaitingAt("Task_WorkCase");
    fireDueJobs(management, at("P7D"));
    assertThat(CALLS)
        .contains("followUpReminder:1")
        .doesNotContain("followUpReminder:3", "caseClosure:no-answer");
  }

  @Test
  void aConfirmationClosesTheCase() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.PROVIDE_RESOLUTION.value());
    ProcessInstance followUp = calledProcessInstance(instance);

    runtime
        .createMessageCorrelation(CaseEngine.RESOLUTION_CONFIRMED)
        .processInstanceBusinessKey("CASE-2026-000001")
        .correlate();

    assertThat(followUp).isEnded().hasPassed("Task_CloseAsConfirmed", "EndEvent_ClosedAsConfirmed");
    assertThat(CALLS).contains("caseClosure:confirmation");
    assertThat(instance).isWaitingAt("Gateway_ReopenOrExpire");
  }

  // --- closed: reopen window ---

  @Test
  void aReopenOnDay13ResumesTheConversation() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.CLOSE.value());

    ClockUtil.setCurrentTime(at("P13D"));
    runtime
        .createMessageCorrelation(CaseEngine.CASE_REOPENED)
        .processInstanceBusinessKey("CASE-2026-000001")
        .correlate();

    assertThat(instance)
        .hasPassed("Event_CaseReopened", "Task_ReopenCase")
        .isWaitingAt("Task_WorkCase");
    assertThat(CALLS).contains("caseReopening");
  }

  @Test
  void aReopenOnDay15FindsNoCase() {
    ProcessInstance instance = submit(MAJOR);
    respond(NextStep.CLOSE.value());

    fireDueJobs(management, at("P15D"));

    assertThat(instance).isEnded();
    assertThatThrownBy(
            () ->
                runtime
                    .createMessageCorrelation(CaseEngine.CASE_REOPENED)
                    .processInstanceBusinessKey("CASE-2026-000001")
                    .correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);
  }

  // --- Sev 1 extras ---

  @Test
  void aSev1OnAPlanWithCriticalSituationManagementOpensACriticalSituation() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", true);
    ProcessInstance instance = submit(PRODUCTION_DOWN);

    assertThat(instance).isWaitingAt("Task_ManageCriticalSituation", "Task_RespondToCustomer");
    assertThat(task("Task_ManageCriticalSituation", instance))
        .hasCandidateGroup("escalation-managers");
    assertThat(CALLS).contains("criticalSituationOpened:create");

    complete(task("Task_ManageCriticalSituation", instance));
    assertThat(instance)
        .hasPassed("EndEvent_CriticalSituationClosed")
        .isWaitingAt("Task_RespondToCustomer");
  }

  @Test
  void noCriticalSituationBelowSev1() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", true);
    ProcessInstance instance = submit(MAJOR);

    assertThat(instance)
        .isWaitingAt("Task_RespondToCustomer")
        .hasNotPassed("Task_ManageCriticalSituation");
  }

  @Test
  void aRaiseToSev1AfterTheFirstResponseOpensACriticalSituation() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", true);
    instance = submit(MAJOR);
    respond(NextStep.KEEP_WORKING.value());
    assertThat(instance).isWaitingAt("Task_WorkCase");

    complete(
        task(instance),
        withVariables(
            CaseVariables.ACTION, NextStep.RECLASSIFY.value(), CaseVariables.SEVERITY, 1));

    assertThat(CALLS).contains("severityChange");
    assertThat(instance)
        .hasPassed("Task_ApplyNewSeverity")
        .isWaitingAt("Task_WorkCase", "Task_ManageCriticalSituation");
  }

  @Test
  void aLowerSeverityAfterTheFirstResponseGoesBackToWork() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", true);
    instance = submit(MAJOR);
    respond(NextStep.KEEP_WORKING.value());

    complete(
        task(instance),
        withVariables(
            CaseVariables.ACTION, NextStep.RECLASSIFY.value(), CaseVariables.SEVERITY, 3));

    assertThat(instance).hasPassed("Task_ApplyNewSeverity").isWaitingAt("Task_WorkCase");
    assertThat(instance).hasNotPassed("Task_ManageCriticalSituation");
  }

  /** An RCA is a process of its own: the case may close and its reopen window end meanwhile. */
  @Test
  void anRcaIsDeliveredAfterTheCasesProcessHasEnded() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", false);
    ProcessInstance instance = submit(PRODUCTION_DOWN);
    respond(NextStep.CLOSE.value());
    fireDueJobs(management, at("P14DT1M"));
    assertThat(instance).isEnded();

    ProcessInstance rca = requestRca();
    assertThat(rca).isWaitingAt("Task_WriteRcaDocument");
    complete(task(rca), withVariables(CaseVariables.RCA_DOCUMENT, "Cause: a full disk."));

    assertThat(CALLS).contains("rcaDelivery");
    assertThat(rca).isEnded().hasPassed("EndEvent_RcaDelivered");
  }

  @Test
  void anRcaMayBeDeclinedWithAReason() {
    plan = new Plan("automation-anywhere", "gold", "automation-360", false);
    submit(PRODUCTION_DOWN);

    ProcessInstance rca = requestRca();
    complete(
        task(rca),
        withVariables(
            CaseVariables.RCA_OUTCOME,
            RcaOutcome.DECLINE.value(),
            CaseVariables.RCA_DECLINE_REASON,
            "The logs of that day were lost."));

    assertThat(CALLS).contains("rcaDecline").doesNotContain("rcaDelivery");
    assertThat(rca).isEnded().hasPassed("EndEvent_RcaDeclined");
  }

  ProcessInstance requestRca() {
    return runtime
        .createMessageCorrelation(CaseEngine.RCA_REQUESTED)
        .processInstanceBusinessKey("CASE-2026-000001")
        .setVariable(CaseVariables.CANDIDATE_GROUP, "team-amer")
        .correlateStartMessage();
  }

  @Test
  void aMessageTheCaseDoesNotAwaitIsPassedOnAndTheTaskStays() {
    plan = new Plan("automation-anywhere", "silver", "automation-360", false);
    ProcessInstance instance = submit(MAJOR);

    runtime
        .createMessageCorrelation(CaseEngine.CUSTOMER_WROTE)
        .processInstanceBusinessKey("CASE-2026-000001")
        .correlate();
    assertThat(CALLS).contains("customerMessageNotice");
    assertThat(instance).hasPassed("EndEvent_EngineerTold").isWaitingAt("Task_RespondToCustomer");
  }

  @Test
  void aQuestionIsSeverity4() {
    ProcessInstance instance = submit(QUESTION);
    assertThat(instance)
        .variables()
        .containsEntry(CaseVariables.SEVERITY, 4)
        .containsEntry(CaseVariables.RESPONSE_TARGET, "P1D");
  }
}
