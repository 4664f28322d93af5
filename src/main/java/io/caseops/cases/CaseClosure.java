package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseCase}, {@code Task_CloseAsConfirmed}, {@code Task_CloseForNoAnswer}: the case is
 * Closed and the contacts get the closure mail, which says until when they may reopen it. {@code
 * closedBy}: engineer, confirmation or no-answer.
 */
@Component("caseClosure")
class CaseClosure extends CaseStep {

  private final CaseModels models;

  CaseClosure(CaseRecords records, CaseMails mails, EngineClock clock, CaseModels models) {
    super(records, mails, clock);
    this.models = models;
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    records.status(caseNumber, CaseStatus.CLOSED, now);
    mails.closed(
        records.get(caseNumber),
        variables.closedBy(),
        models.reopenWindow(models.definitionOf(caseNumber)).after(now),
        processInstanceId);
  }
}
