package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.EngineClock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ManageCriticalSituation}. Created: recorded on the case, offered to the designated escalation manager
 * too, and the escalation managers and the team are told. Completed: the summary becomes an internal note.
 */
@Component("criticalSituationAlert")
class CriticalSituationAlert implements TaskListener {

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final EngineClock clock;

  CriticalSituationAlert(CaseRecords records, EntitlementLookup entitlements, CaseMails mails, EngineClock clock) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    records.lock(caseNumber);
    if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      CaseVariables variables = CaseVariables.of(task.getExecution());
      String summary = variables.string(CaseVariables.CRITICAL_SITUATION_SUMMARY);
      if (summary == null || summary.isBlank()) {
        throw new BadUserRequestException("criticalSituationSummary is required: say how the situation was handled");
      }
      records.addMessage(caseNumber, task.getAssignee() == null ? "escalation" : task.getAssignee(), "staff",
          "internal", "Critical situation handled:\n\n" + summary.strip(), clock.instant());
      variables.remove(CaseVariables.CRITICAL_SITUATION_SUMMARY);
      return;
    }
    records.criticalSituationOpened(caseNumber, clock.instant());
    CaseRecord kase = records.get(caseNumber);
    var account = entitlements.account(kase.accountId()).orElseThrow();
    if (account.designatedEscalationManager() != null) {
      task.addCandidateUser(account.designatedEscalationManager());
    }
    mails.criticalSituation(kase, account.name(), account.designatedEscalationManager(), task.getProcessInstanceId());
  }
}
