package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.cases.CaseRecords.Message;
import io.caseops.entitlement.EntitlementLookup;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code Task_TellEngineerOfMessage}: a contact wrote while the case was not waiting for them. Each
 * open task of the case gets a fresh briefing that marks the new message, and the engineers holding
 * those tasks (or the case's team, when nobody has claimed one) are mailed, so the message is not
 * left unseen until the engineer's next look.
 */
@Component("customerMessageNotice")
class CustomerMessageNotice implements JavaDelegate {

  private final CaseRecords records;
  private final CaseBriefing briefing;
  private final CaseMails mails;
  private final EntitlementLookup entitlements;
  private final TaskService tasks;

  CustomerMessageNotice(
      CaseRecords records,
      CaseBriefing briefing,
      CaseMails mails,
      EntitlementLookup entitlements,
      TaskService tasks) {
    this.records = records;
    this.briefing = briefing;
    this.mails = mails;
    this.entitlements = entitlements;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    CaseRecord kase = records.lock(caseNumber).orElseThrow();
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    for (Task task : open) {
      tasks.setVariableLocal(
          task.getId(),
          CaseBriefing.BRIEFING,
          briefing.briefing(kase, task.getCreateTime().toInstant()));
    }
    List<Message> messages = records.messages(caseNumber);
    Message latest =
        messages.stream()
            .filter(message -> message.authorKind() == AuthorKind.CONTACT)
            .reduce((first, second) -> second)
            .orElseThrow();
    List<String> assignees =
        open.stream().map(Task::getAssignee).filter(Objects::nonNull).distinct().toList();
    String accountName =
        entitlements
            .account(kase.accountId())
            .map(EntitlementLookup.AccountSummary::name)
            .orElse(kase.accountId());
    mails.customerWrote(kase, latest, assignees, accountName, execution.getProcessInstanceId());
  }
}
