package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.AccountTeams;
import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.StaffGroups;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Which cases a member of staff reaches through the staff API, whatever the operation: escalation
 * and support managers (and administrators) every case; an engineer the cases of her teams (the
 * team that holds the case now, as Tasklist offers its tasks) and any whose task she holds; a
 * technical account manager or customer success manager the cases of the accounts they look after;
 * anyone else none. Whoever reaches a follow-up case reaches the closed case it continues. A case
 * out of reach is answered as no case at all (404).
 */
@Component
class StaffCaseScope {

  private final AccountTeams teams;
  private final TaskService tasks;
  private final CaseRecords records;

  StaffCaseScope(AccountTeams teams, TaskService tasks, CaseRecords records) {
    this.teams = teams;
    this.tasks = tasks;
    this.records = records;
  }

  boolean reaches(StaffUser staff, CaseRecord kase) {
    return reachesItself(staff, kase)
        || records.followUpsOf(kase.caseNumber()).stream()
            .anyMatch(followUp -> reachesItself(staff, followUp));
  }

  private boolean reachesItself(StaffUser staff, CaseRecord kase) {
    if (staff.inAny(StaffGroups.ESCALATION_MANAGERS, StaffGroups.SUPPORT_MANAGERS)) {
      return true;
    }
    if ((staff.groups().contains(StaffGroups.TECHNICAL_ACCOUNT_MANAGERS)
            || staff.groups().contains(StaffGroups.CUSTOMER_SUCCESS_MANAGERS))
        && teams.of(kase.accountId()).map(team -> team.includes(staff.id())).orElse(false)) {
      return true;
    }
    return staff.groups().contains(StaffGroups.SUPPORT_ENGINEERS)
        && (staff.groups().contains(kase.candidateGroup())
            || tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(kase.caseNumber())
                    .taskAssignee(staff.id())
                    .count()
                > 0);
  }
}
