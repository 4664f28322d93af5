package io.caseops.cases;

import io.caseops.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ManageCriticalSituation} completed: the summary becomes an internal note of the case.
 */
@Component("criticalSituationHandled")
class CriticalSituationHandled implements TaskListener {

  private final CaseRecords records;
  private final EngineClock clock;

  CriticalSituationHandled(CaseRecords records, EngineClock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = task.getExecution().getProcessBusinessKey();
    records.lock(caseNumber);
    CaseVariables variables = CaseVariables.of(task.getExecution());
    String summary = variables.criticalSituationSummary();
    records.addMessage(
        caseNumber,
        task.getAssignee() == null ? "escalation" : task.getAssignee(),
        AuthorKind.STAFF,
        MessageVisibility.INTERNAL,
        "Critical situation handled:\n\n" + summary,
        clock.instant());
    variables.remove(CaseVariables.CRITICAL_SITUATION_SUMMARY);
  }
}
