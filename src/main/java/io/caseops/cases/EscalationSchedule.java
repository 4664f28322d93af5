package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.EngineInternals;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScheduleAcknowledgement}: the acknowledgement is due the decision's duration from
 * now, in wall-clock time (escalation managers are on call); the escalation goes into the case's
 * history and its manager, or the pool, is told.
 */
@Component("escalationSchedule")
class EscalationSchedule implements JavaDelegate {

  static final String EVENT = "escalation-requested";

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;

  EscalationSchedule(CaseRecords records, EntitlementLookup entitlements, CaseMails mails) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    String caseNumber = execution.getProcessBusinessKey();
    Instant now = EngineInternals.now();
    Instant due = now.plus(Duration.parse(variables.acknowledgeWithin()));
    variables.setInstant(CaseVariables.ACKNOWLEDGE_BY, due);

    String manager = variables.designatedEscalationManager();
    records.event(
        caseNumber,
        EVENT,
        variables.requestedBy(),
        variables.escalationReason()
            + " (to "
            + (manager != null
                ? manager + ", designated escalation manager"
                : "the escalation managers")
            + ", acknowledge by "
            + due
            + ")",
        now);
    CaseRecord kase = records.get(caseNumber);
    mails.escalationRequested(
        kase,
        entitlements.account(kase.accountId()).orElseThrow().name(),
        variables.requestedBy(),
        variables.escalationReason(),
        due,
        manager,
        execution.getProcessInstanceId());
  }
}
