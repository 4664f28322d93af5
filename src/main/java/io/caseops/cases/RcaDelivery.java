package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DeliverRca}: the root-cause analysis written in {@code Task_WriteRcaDocument} goes into the conversation
 * and to the contacts by mail; the document leaves the process variables.
 */
@Component("rcaDelivery")
class RcaDelivery extends CaseStep {

  RcaDelivery(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    String document = variables.string(CaseVariables.RCA_DOCUMENT);
    if (document == null || document.isBlank()) {
      throw new BadUserRequestException("rcaDocument is required: write the root-cause analysis");
    }
    records.addMessage(caseNumber, "support", "staff", "public", "Root-cause analysis:\n\n" + document.strip(), now);
    mails.rcaDelivered(records.get(caseNumber), document.strip(), processInstanceId);
    variables.remove(CaseVariables.RCA_DOCUMENT);
  }
}
