package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DeclineRca}: the engineer declined the requested root-cause analysis; the reason goes
 * into the conversation and to the contacts by mail, so a request never ends unanswered.
 */
@Component("rcaDecline")
class RcaDecline extends CaseStep {

  RcaDecline(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    String reason = variables.rcaDeclineReason();
    tellContacts(caseNumber, "Root-cause analysis declined:\n\n" + reason, now);
    mails.rcaDeclined(records.get(caseNumber), reason, processInstanceId);
    variables.remove(CaseVariables.RCA_DECLINE_REASON);
  }
}
