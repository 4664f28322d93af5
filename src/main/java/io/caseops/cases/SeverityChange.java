package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.sla.Coverage;
import io.caseops.sla.ResponseTargets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ApplyNewSeverity}: a case reclassified after its first response does what its new
 * severity does at intake. Raised to a severity whose target runs around the clock: a team at work
 * now, handed on as regions close (CaseRouting); to Sev 1: a critical situation where the plan
 * manages them, and the team is told. Lowered out of a round-the-clock target: back to the region's
 * team, out of the rotation. (Before the first response, a reclassification runs through the
 * intake's own steps again.)
 */
@Component("severityChange")
class SeverityChange implements JavaDelegate {

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final CaseRouting routing;
  private final ResponseTargets targets;

  SeverityChange(
      CaseRecords records,
      EntitlementLookup entitlements,
      CaseMails mails,
      CaseRouting routing,
      ResponseTargets targets) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
    this.routing = routing;
    this.targets = targets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    String caseNumber = execution.getProcessBusinessKey();
    CaseRecord kase = records.lock(caseNumber).orElseThrow();
    int severity = variables.severity();
    // The hours the new severity's target would count decide the team: round the clock or not.
    ResponseTargets.Answer target = targets.evaluate(variables.targetQuestion(severity));
    Coverage coverage = target.hasTarget() ? target.coverage() : Coverage.BUSINESS_HOURS;
    String team = routing.route(caseNumber, variables, coverage);
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
