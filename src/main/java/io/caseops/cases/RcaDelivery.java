package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DeliverRca}: the root-cause analysis written in {@code Task_WriteRcaDocument} goes
 * into the conversation and to the contacts by mail; the document leaves the process variables.
 */
@Component("rcaDelivery")
class RcaDelivery extends CaseStep {

  RcaDelivery(CaseRecords records, CaseMails mails, EngineClock clock) {
    super(records, mails, clock);
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    String document = variables.rcaDocument();
    tellContacts(caseNumber, "Root-cause analysis:\n\n" + document, now);
    mails.rcaDelivered(records.get(caseNumber), document, processInstanceId);
    variables.remove(CaseVariables.RCA_DOCUMENT);
  }
}
