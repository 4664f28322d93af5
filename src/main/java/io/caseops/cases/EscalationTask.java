package io.caseops.cases;

import io.caseops.system.EngineInternals;
import io.caseops.system.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AcknowledgeEscalation}: created for the account's designated escalation manager
 * (assigned), else for the pool (candidate group); on completion, who acknowledged it.
 */
@Component("escalationTask")
class EscalationTask implements TaskListener {

  private final IdentityService identity;

  EscalationTask(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseVariables variables = CaseVariables.of(task.getExecution());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String manager = variables.designatedEscalationManager();
      if (manager != null) {
        task.setAssignee(manager);
      } else {
        task.addCandidateGroup(StaffGroups.ESCALATION_MANAGERS);
      }
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      variables.set(
          CaseVariables.ACKNOWLEDGED_BY,
          EngineInternals.currentUserId(identity)
              .orElse(task.getAssignee() != null ? task.getAssignee() : "support"));
    }
  }
}
