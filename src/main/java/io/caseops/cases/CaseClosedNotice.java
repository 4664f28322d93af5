package io.caseops.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Event_CaseClosed} of SupportCase: the case's Escalation instance, if one still waits for
 * its acknowledgement, hears that the case closed (and ends, in this transaction).
 */
@Component("caseClosedNotice")
class CaseClosedNotice implements JavaDelegate {

  private final CaseEngine engine;

  CaseClosedNotice(CaseEngine engine) {
    this.engine = engine;
  }

  @Override
  public void execute(DelegateExecution execution) {
    engine.caseClosed(execution.getProcessBusinessKey());
  }
}
