package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseCase}, {@code Task_CloseAsConfirmed}, {@code Task_CloseForNoAnswer}: the case is Closed and the
 * contacts get the closure mail, which says until when they may reopen it. {@code closedBy}: engineer,
 * confirmation or no-answer.
 */
@Component("caseClosure")
class CaseClosure extends CaseStep {

  /** Matches {@code Timer_ReopenWindowOver} (P14D) in SupportCase.bpmn; the mail and CaseService quote it. */
  static final Duration REOPEN_WINDOW = Duration.ofDays(14);

  CaseClosure(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    records.status(caseNumber, CaseStatus.CLOSED, now);
    mails.closed(records.get(caseNumber), variables.string(CaseVariables.CLOSED_BY), now.plus(REOPEN_WINDOW),
        processInstanceId);
  }
}
