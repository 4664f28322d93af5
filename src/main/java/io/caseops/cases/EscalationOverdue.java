package io.caseops.cases;

import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AlertSupportManagers}: nobody acknowledged the escalation by its due instant; the
 * support managers are told. The task stays open for the escalation manager.
 */
@Component("escalationOverdue")
class EscalationOverdue extends CaseStep {

  private final EntitlementLookup entitlements;

  EscalationOverdue(
      CaseRecords records, CaseMails mails, EngineClock clock, EntitlementLookup entitlements) {
    super(records, mails, clock);
    this.entitlements = entitlements;
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    CaseRecords.CaseRecord kase = records.get(caseNumber);
    mails.escalationOverdue(
        kase,
        entitlements.account(kase.accountId()).orElseThrow().name(),
        variables.escalationReason(),
        variables.acknowledgeBy(),
        variables.designatedEscalationManager(),
        processInstanceId);
  }
}
