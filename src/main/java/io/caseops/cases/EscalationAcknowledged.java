package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_TellContactsAcknowledged}: the escalation manager's answer goes into the conversation
 * and to the contacts by mail; the acknowledgement into the case's history, with whether it was in
 * time.
 */
@Component("escalationAcknowledged")
class EscalationAcknowledged extends CaseStep {

  static final String EVENT = "escalation-acknowledged";

  EscalationAcknowledged(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    String answer = variables.acknowledgement();
    String manager = variables.acknowledgedBy();
    tellContacts(caseNumber, "Escalation acknowledged:\n\n" + answer, now);
    boolean inTime = !now.isAfter(variables.acknowledgeBy());
    records.event(
        caseNumber,
        EVENT,
        manager,
        // The answer itself is in the conversation.
        (inTime ? "in time" : "late") + " (due " + variables.acknowledgeBy() + ")",
        now);
    mails.escalationAcknowledged(records.get(caseNumber), manager, answer, processInstanceId);
    variables.remove(CaseVariables.ACKNOWLEDGEMENT);
  }
}
