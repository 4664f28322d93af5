package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EndEscalationWithCase}: the case closed before anyone acknowledged its escalation.
 * The case's internal notes say so, so that the escalation managers see why the task went away.
 */
@Component("escalationEndedWithCase")
class EscalationEndedWithCase extends CaseStep {

  EscalationEndedWithCase(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    records.addMessage(
        caseNumber,
        "support",
        AuthorKind.STAFF,
        MessageVisibility.INTERNAL,
        "Escalation ended with the case: the case closed before anyone acknowledged the"
            + " escalation requested by "
            + variables.requestedBy()
            + " (\""
            + variables.escalationReason()
            + "\"). A new one may be requested if the case is reopened.",
        now);
  }
}
