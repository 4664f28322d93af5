package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task that moves the case's read model and tells the contacts: what closing, reopening,
 * rejecting and delivering an RCA have in common. The case's row is locked first (see {@link
 * CaseRecords#lock}).
 */
abstract class CaseStep implements JavaDelegate {

  protected final CaseRecords records;
  protected final CaseMails mails;
  private final EngineClock clock;

  CaseStep(CaseRecords records, CaseMails mails, EngineClock clock) {
    this.records = records;
    this.mails = mails;
    this.clock = clock;
  }

  @Override
  public final void execute(DelegateExecution execution) {
    records.lock(execution.getProcessBusinessKey());
    run(
        execution.getProcessBusinessKey(),
        CaseVariables.of(execution),
        clock.instant(),
        execution.getProcessInstanceId());
  }

  abstract void run(
      String caseNumber, CaseVariables variables, Instant now, String processInstanceId);

  /** A message from support to the contacts, in the case's conversation. */
  protected void tellContacts(String caseNumber, String text, Instant now) {
    records.addMessage(
        caseNumber, "support", AuthorKind.STAFF, MessageVisibility.PUBLIC, text, now);
  }
}
