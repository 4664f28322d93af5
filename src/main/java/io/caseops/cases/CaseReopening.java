package io.caseops.cases;

import io.caseops.sla.Coverage;
import io.caseops.system.EngineClock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReopenCase}: the case is Reopened, back with the engineers, and the contacts are
 * told. It is routed as at intake: a round-the-clock case goes to a team at work now and follows
 * the sun again (its hand-offs ended at closure), a business-hours case to its region's team.
 */
@Component("caseReopening")
class CaseReopening extends CaseStep {

  private final CaseRouting routing;

  CaseReopening(CaseRecords records, CaseMails mails, EngineClock clock, CaseRouting routing) {
    super(records, mails, clock);
    this.routing = routing;
  }

  @Override
  void run(String caseNumber, CaseVariables variables, Instant now, String processInstanceId) {
    Coverage coverage =
        variables.responseTarget() == null ? Coverage.BUSINESS_HOURS : variables.responseCoverage();
    String team = routing.route(caseNumber, variables, coverage);
    variables.set(CaseVariables.CANDIDATE_GROUP, team);
    records.team(caseNumber, team);
    records.status(caseNumber, CaseStatus.REOPENED, now);
    mails.reopened(records.get(caseNumber), processInstanceId);
  }
}
