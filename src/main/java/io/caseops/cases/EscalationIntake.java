package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.EngineInternals;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.ConflictException;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.RuleException;
import io.caseops.system.web.UnprocessableException;
import java.time.Instant;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code StartEvent_EscalationRequested}: where an escalation from the API ({@link
 * CaseEscalations}) and one from Tasklist's start form meet. Checks the case (it exists, is open,
 * has no open escalation), locks it, and prepares the decision's inputs: the case's severity and
 * whether the account has a designated escalation manager. The reason joins the conversation:
 * public when a contact escalated, an internal note when an engineer did. A refusal rolls the start
 * back; from Tasklist it is shown as the engine's "bad request" message.
 */
@Component("escalationIntake")
class EscalationIntake implements ExecutionListener {

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final RuntimeService runtime;
  private final IdentityService identity;

  EscalationIntake(
      CaseRecords records,
      EntitlementLookup entitlements,
      RuntimeService runtime,
      IdentityService identity) {
    this.records = records;
    this.entitlements = entitlements;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    boolean fromTasklist = variables.requestedBy() == null;
    try {
      accept(execution, variables, fromTasklist);
    } catch (RuleException | BadRequestException | NotFoundException e) {
      if (!fromTasklist) {
        throw e;
      }
      throw new BadUserRequestException("The case cannot be escalated: " + e.getMessage());
    }
  }

  private void accept(DelegateExecution execution, CaseVariables variables, boolean fromTasklist) {
    String caseNumber = variables.caseNumber();
    if (caseNumber == null) {
      throw BadRequestException.of(CaseVariables.CASE_NUMBER, "is required");
    }
    String reason = variables.escalationReason();
    if (reason == null || reason.length() > TextLimits.REASON) {
      throw BadRequestException.of(
          CaseVariables.ESCALATION_REASON,
          "is required, at most " + TextLimits.REASON + " characters");
    }
    String actor =
        fromTasklist
            ? EngineInternals.currentUserId(identity)
                .orElseThrow(() -> new BadUserRequestException("log in to escalate a case"))
            : variables.requestedBy();
    AuthorKind kind = fromTasklist ? AuthorKind.STAFF : variables.requestedByKind();

    CaseRecord kase =
        records.lock(caseNumber).orElseThrow(() -> new NotFoundException("no case " + caseNumber));
    if (kase.status().isShut()) {
      throw new UnprocessableException(
          "caseNumber",
          caseNumber
              + " is "
              + kase.status().label().toLowerCase(Locale.ROOT)
              + ": only an open case can be escalated");
    }
    // The case's row is locked: a second escalation of the same case waits here and then sees this
    // one.
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(CaseEscalations.PROCESS)
        .processInstanceBusinessKey(caseNumber)
        .list()
        .stream()
        .filter(open -> !open.getId().equals(execution.getProcessInstanceId()))
        .findFirst()
        .ifPresent(
            open -> {
              throw new ConflictException(
                  "caseNumber",
                  caseNumber
                      + " has an open escalation (requested by "
                      + runtime.getVariable(open.getId(), CaseVariables.REQUESTED_BY)
                      + "); its escalation manager has not acknowledged it yet");
            });

    String manager =
        entitlements
            .account(kase.accountId())
            .map(EntitlementLookup.AccountSummary::designatedEscalationManager)
            .orElse(null);
    Instant now = EngineInternals.now();
    execution.setProcessBusinessKey(caseNumber);
    variables.set(CaseVariables.CASE_NUMBER, caseNumber);
    variables.set(CaseVariables.ESCALATION_REASON, reason);
    variables.set(CaseVariables.REQUESTED_BY, actor);
    variables.set(CaseVariables.REQUESTED_BY_KIND, kind.value());
    variables.setInstant(CaseVariables.REQUESTED_AT, now);
    variables.setSeverity(kase.severity() == null ? 4 : kase.severity());
    variables.set(CaseVariables.ESCALATION, manager != null ? "designated" : "pooled");
    variables.set(CaseVariables.DESIGNATED_ESCALATION_MANAGER, manager);
    records.addMessage(
        caseNumber,
        actor,
        kind,
        kind == AuthorKind.CONTACT ? MessageVisibility.PUBLIC : MessageVisibility.INTERNAL,
        "Escalation requested: " + reason,
        now);
  }
}
