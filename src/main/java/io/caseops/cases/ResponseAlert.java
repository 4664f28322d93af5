package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.system.StaffGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * The SLA timers of the first-response task. {@code alert = warning}: the team and the escalation
 * manager are told. {@code alert = breach}: the response task (the one the timer is attached to,
 * read from the model) is opened to the escalation managers (pooled) or to the account's designated
 * escalation manager, who are told, with the TAM where the account has one.
 */
@Component("responseAlert")
class ResponseAlert implements JavaDelegate {

  private final CaseRecords records;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final TaskService tasks;

  ResponseAlert(
      CaseRecords records, EntitlementLookup entitlements, CaseMails mails, TaskService tasks) {
    this.records = records;
    this.entitlements = entitlements;
    this.mails = mails;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    Alert alert = variables.alert();
    CaseRecord kase = records.lock(execution.getProcessBusinessKey()).orElseThrow();
    var account = entitlements.account(kase.accountId()).orElseThrow();
    String designated = account.designatedEscalationManager();
    if (alert == Alert.BREACH) {
      for (Task task :
          tasks
              .createTaskQuery()
              .processInstanceId(execution.getProcessInstanceId())
              .taskDefinitionKey(timedTask(execution))
              .list()) {
        if (designated != null) {
          tasks.addCandidateUser(task.getId(), designated);
        } else {
          tasks.addCandidateGroup(task.getId(), StaffGroups.ESCALATION_MANAGERS);
        }
        tasks.setPriority(task.getId(), 100);
      }
    }
    mails.slaAlert(
        kase,
        alert,
        variables.responseClock(),
        account.name(),
        designated,
        account.technicalAccountManager(),
        execution.getProcessInstanceId());
  }

  /**
   * The user task whose SLA timer led to this step: the boundary event before it is on that task.
   */
  static String timedTask(DelegateExecution execution) {
    FlowNode step = (FlowNode) execution.getBpmnModelElementInstance();
    return step.getIncoming().stream()
        .map(SequenceFlow::getSource)
        .filter(BoundaryEvent.class::isInstance)
        .map(timer -> ((BoundaryEvent) timer).getAttachedTo().getId())
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(step.getId() + " does not follow an SLA timer"));
  }
}
