package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendFirstReminder} and the others of CustomerFollowUp.bpmn: the reminder {@code
 * reminder} (the day it is sent: 1, 3 or 5) to the contacts, worded for the waiting status.
 */
@Component("followUpReminder")
class FollowUpReminder implements JavaDelegate {

  private final CaseRecords records;
  private final CaseMails mails;
  private final CaseModels models;

  FollowUpReminder(CaseRecords records, CaseMails mails, CaseModels models) {
    this.records = records;
    this.mails = mails;
    this.models = models;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    CaseRecord kase = records.lock(execution.getProcessBusinessKey()).orElseThrow();
    mails.reminder(
        kase,
        variables.reminder(),
        variables.waitingFor() == NextStep.REQUEST_INFORMATION,
        models.noAnswerAfter(models.definitionOf(kase.caseNumber())).after(kase.statusSince()),
        execution.getProcessInstanceId());
  }
}
