package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ManageCriticalSituation} created: the situation is recorded on the case, the task is
 * offered to the account's designated escalation manager too, and the escalation managers and the
 * team are told.
 */
@Component("criticalSituationOpened")
class CriticalSituationOpened implements TaskListener {

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final EngineClock clock;

  CriticalSituationOpened(
      CaseRecords records, EntitlementLookup entitlements, CaseMails mails, EngineClock clock) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    records.lock(caseNumber);
    records.criticalSituationOpened(caseNumber, clock.instant());
    CaseRecord kase = records.get(caseNumber);
    var account = entitlements.account(kase.accountId()).orElseThrow();
    if (account.designatedEscalationManager() != null) {
      task.addCandidateUser(account.designatedEscalationManager());
    }
    mails.criticalSituation(
        kase, account.name(), account.designatedEscalationManager(), task.getProcessInstanceId());
  }
}
