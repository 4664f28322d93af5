package io.caseops.cases;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The case's process as the contact's side sees it: the SupportCase process, started and moved by
 * the messages its models wait for. Every message name lives here; a case is found by its number,
 * the process's business key.
 */
@Component
class CaseEngine {

  static final String PROCESS = "SupportCase";
  static final String CASE_SUBMITTED = "CaseSubmitted";
  static final String CUSTOMER_REPLIED = "CustomerReplied";
  static final String CUSTOMER_WROTE = "CustomerWrote";
  static final String RESOLUTION_CONFIRMED = "ResolutionConfirmed";
  static final String CASE_REOPENED = "CaseReopened";
  static final String RCA_REQUESTED = "RcaRequested";
  static final String CASE_CLOSED = "CaseClosed";

  private final RuntimeService runtime;

  CaseEngine(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** Starts the case's process; its intake runs before this returns. */
  void start(String caseNumber, VariableMap variables) {
    runtime
        .createMessageCorrelation(CASE_SUBMITTED)
        .processInstanceBusinessKey(caseNumber)
        .setVariables(variables)
        .correlateStartMessage();
  }

  /** The customer answered while the case waited for them (CustomerFollowUp). */
  void customerReplied(String caseNumber) {
    correlate(CUSTOMER_REPLIED, caseNumber);
  }

  /**
   * The customer wrote while the case did not wait for them: nothing moves, the engineer is told.
   */
  void customerWrote(String caseNumber) {
    runtime
        .createMessageCorrelation(CUSTOMER_WROTE)
        .processInstanceBusinessKey(caseNumber)
        .correlateAll();
  }

  /** The case closed: its escalation still waiting for an acknowledgement, if any, ends. */
  void caseClosed(String caseNumber) {
    runtime
        .createMessageCorrelation(CASE_CLOSED)
        .processInstanceBusinessKey(caseNumber)
        .correlateAll();
  }

  void resolutionConfirmed(String caseNumber) {
    correlate(RESOLUTION_CONFIRMED, caseNumber);
  }

  void reopened(String caseNumber) {
    correlate(CASE_REOPENED, caseNumber);
  }

  /**
   * Starts the case's RootCauseAnalysis process, a process of its own so that the RCA is delivered
   * or declined whatever happens to the case; its task goes to the case's team.
   */
  void rcaRequested(String caseNumber, String team) {
    runtime
        .createMessageCorrelation(RCA_REQUESTED)
        .processInstanceBusinessKey(caseNumber)
        .setVariable(CaseVariables.CANDIDATE_GROUP, team)
        .correlateStartMessage();
  }

  /** Whether the case's process waits for this message now (false when the process has ended). */
  boolean awaits(String caseNumber, String message) {
    return instance(caseNumber)
        .map(
            instance ->
                runtime
                        .createEventSubscriptionQuery()
                        .eventType("message")
                        .eventName(message)
                        .processInstanceId(instance.getId())
                        .count()
                    > 0)
        .orElse(false);
  }

  private Optional<ProcessInstance> instance(String caseNumber) {
    return Optional.ofNullable(
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS)
            .processInstanceBusinessKey(caseNumber)
            .singleResult());
  }

  private void correlate(String message, String caseNumber) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(caseNumber).correlate();
  }
}
