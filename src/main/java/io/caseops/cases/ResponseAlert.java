package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.StaffGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The SLA timers of {@code Task_RespondToCustomer}. {@code alert = warning}: the team and the escalation manager are
 * told. {@code alert = breach}: the response task is opened to the escalation managers (pooled) or to the account's
 * designated escalation manager, who are told, with the TAM where the account has one.
 */
@Component("responseAlert")
class ResponseAlert implements JavaDelegate {

  static final String RESPONSE_TASK = "Task_RespondToCustomer";

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final TaskService tasks;

  ResponseAlert(CaseRecords records, EntitlementLookup entitlements, CaseMails mails, TaskService tasks) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String alert = CaseVariables.of(execution).string(CaseVariables.ALERT);
    CaseRecord kase = records.lock(execution.getProcessBusinessKey()).orElseThrow();
    var account = entitlements.account(kase.accountId()).orElseThrow();
    String designated = account.designatedEscalationManager();
    if ("breach".equals(alert)) {
      for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(RESPONSE_TASK).list()) {
        if (designated != null) {
          tasks.addCandidateUser(task.getId(), designated);
        } else {
          tasks.addCandidateGroup(task.getId(), StaffGroups.ESCALATION_MANAGERS);
        }
        tasks.setPriority(task.getId(), 100);
      }
    }
    mails.slaAlert(kase, alert, CaseVariables.of(execution).string(CaseVariables.RESPONSE_CLOCK), account.name(),
        designated, account.technicalAccountManager(), execution.getProcessInstanceId());
  }
}
