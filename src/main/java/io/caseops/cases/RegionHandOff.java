package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.sla.FollowTheSun;
import io.caseops.system.EngineInternals;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@code Task_HandOffToStaffedTeam} (FollowTheSun): the region holding a round-the-clock case has
 * closed, or a region that can take it from the on-call team has opened. The case's open tasks move
 * to the team at work now (unclaimed: whoever held one has gone home), later tasks follow it, the
 * hand-off goes into the case's history and the new team is told (unless the case waits on the
 * customer). Ends the hand-offs once the case is closed.
 */
@Component("regionHandOff")
class RegionHandOff implements JavaDelegate {

  static final String EVENT = "hand-off";

  private final CaseRecords records;
  private final FollowTheSun sun;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;

  RegionHandOff(
      CaseRecords records,
      FollowTheSun sun,
      RuntimeService runtime,
      TaskService tasks,
      EntitlementLookup entitlements,
      CaseMails mails) {
    this.records = records;
    this.sun = sun;
    this.runtime = runtime;
    this.tasks = tasks;
    this.entitlements = entitlements;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    String caseNumber = execution.getProcessBusinessKey();
    CaseRecord kase = records.lock(caseNumber).orElseThrow();
    ProcessInstance supportCase =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseEngine.PROCESS)
            .processInstanceBusinessKey(caseNumber)
            .singleResult();
    if (supportCase == null || kase.status().isShut()) {
      variables.setInstant(CaseVariables.HAND_OFF_AT, null);
      return;
    }
    Instant now = EngineInternals.now();
    FollowTheSun.Holder holder =
        sun.holder(variables.catalogue(), variables.region(), variables.language(), now);
    String from = kase.candidateGroup();
    if (!holder.team().equals(from)) {
      tasks
          .createTaskQuery()
          .processInstanceId(supportCase.getId())
          .taskCandidateGroup(from)
          .includeAssignedTasks()
          .list()
          .forEach(
              task -> {
                tasks.deleteCandidateGroup(task.getId(), from);
                tasks.addCandidateGroup(task.getId(), holder.team());
                tasks.setAssignee(task.getId(), null);
              });
      runtime.setVariable(supportCase.getId(), CaseVariables.CANDIDATE_GROUP, holder.team());
      records.team(caseNumber, holder.team());
      records.event(caseNumber, EVENT, null, detail(from, holder, variables), now);
      // While the case waits on the customer the new team has nothing to do: its mail would be
      // noise (the customer's answer reaches whichever team holds the case then).
      if (!kase.status().waitsOnCustomer()) {
        mails.handedOff(
            records.get(caseNumber),
            from,
            variables.responseCoverage(),
            entitlements.account(kase.accountId()).orElseThrow().name(),
            now,
            supportCase.getId());
      }
    }
    variables.setInstant(CaseVariables.HAND_OFF_AT, holder.until());
  }

  private static String detail(String from, FollowTheSun.Holder to, CaseVariables variables) {
    String why =
        to.onCall()
            ? "no region that works in '" + variables.language() + "' is open"
            : "region " + to.region() + " is open";
    return "Handed from "
        + from
        + " to "
        + to.team()
        + " ("
        + why
        + (to.until() == null ? "" : "; next hand-off " + to.until())
        + ")";
  }
}
