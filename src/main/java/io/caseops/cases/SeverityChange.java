package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApplyNewSeverity}: a case reclassified after its first response does what its new
 * severity does at intake. Raised to Sev 1: the follow-the-sun team where the plan has it, a
 * critical situation where the plan manages them, and the team is told. Lowered from Sev 1: back to
 * the region's team, out of the round-the-clock queue. (Before the first response, a
 * reclassification runs through the intake's own steps again.)
 */
@Component("severityChange")
class SeverityChange implements JavaDelegate {

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;

  SeverityChange(CaseRecords records, EntitlementLookup entitlements, CaseMails mails) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    String caseNumber = execution.getProcessBusinessKey();
    CaseRecord kase = records.lock(caseNumber).orElseThrow();
    int severity = variables.severity();
    String team = variables.teamFor(severity);
    variables.set(CaseVariables.CANDIDATE_GROUP, team);
    records.team(caseNumber, team);
    var account = entitlements.account(kase.accountId()).orElseThrow();
    variables.set(
        CaseVariables.OPEN_CRITICAL_SITUATION,
        kase.opensCriticalSituation(severity, account.criticalSituationManagement()));
    if (severity == 1) {
      mails.raisedToSev1(records.get(caseNumber), account.name(), execution.getProcessInstanceId());
    }
  }
}
