package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@code Task_RejectCase}: the case ends as Rejected, and the submitter is told why. */
@Component("caseRejection")
class CaseRejection extends CaseStep {

  CaseRejection(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    String reason = variables.refusal();
    records.rejected(caseNumber, reason, now);
    mails.rejected(records.get(caseNumber), reason, processInstanceId);
  }
}
