package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReopenCase}: the case is Reopened, back with the engineers, and the contacts are
 * told.
 */
@Component("caseReopening")
class CaseReopening extends CaseStep {

  CaseReopening(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    records.status(caseNumber, CaseStatus.REOPENED, now);
    mails.reopened(records.get(caseNumber), processInstanceId);
  }
}
