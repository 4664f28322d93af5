package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendFirstReminder} and the others of CustomerFollowUp.bpmn: the reminder {@code reminder} (the day it is
 * sent: 1, 3 or 5) to the contacts, worded for the waiting status.
 */
@Component("followUpReminder")
class FollowUpReminder implements JavaDelegate {

  /** Matches {@code Timer_NoAnswer} (P6D) in CustomerFollowUp.bpmn; the mail only quotes it. */
  static final Duration CLOSES_AFTER = Duration.ofDays(6);

  private final CaseRecords records;
  private final CaseMails mails;

  FollowUpReminder(CaseRecords records, CaseMails mails) {
    this.records = records;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    CaseRecord kase = records.lock(execution.getProcessBusinessKey()).orElseThrow();
    mails.reminder(kase, variables.integer(CaseVariables.REMINDER),
        EngineerAction.REQUEST_INFORMATION.equals(variables.string(CaseVariables.WAITING_FOR)),
        kase.statusSince().plus(CLOSES_AFTER), execution.getProcessInstanceId());
  }
}
