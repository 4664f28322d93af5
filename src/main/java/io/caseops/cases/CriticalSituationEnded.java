package io.caseops.cases;

import io.caseops.system.EngineClock;
import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EndCriticalSituation}: the case closes for good; a critical situation still open ends
 * with it (the terminate end event that follows ends its task). The case's internal notes say so,
 * so that the escalation managers see why the task went away.
 */
@Component("criticalSituationEnded")
class CriticalSituationEnded extends CaseStep {

  static final String TASK = "Task_ManageCriticalSituation";

  private final TaskService tasks;

  CriticalSituationEnded(
      CaseRecords records, CaseMails mails, EngineClock clock, TaskService tasks) {
    super(records, mails, clock);
    this.tasks = tasks;
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    long open =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(TASK)
            .count();
    if (open == 0) {
      return;
    }
    records.addMessage(
        caseNumber,
        "support",
        AuthorKind.STAFF,
        MessageVisibility.INTERNAL,
        "Critical situation ended with the case: the case closed for good before the critical"
            + " situation was marked handled.",
        now);
  }
}
