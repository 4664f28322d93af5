package io.caseops.cases;

import static io.caseops.cases.CaseVariables.*;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.sla.Coverage;
import io.caseops.sla.CoverageProperties;
import io.caseops.sla.CoverageRegions;
import io.caseops.sla.DueDates;
import io.caseops.sla.Target;
import io.caseops.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ScheduleResponse}: after the decisions, the due and warning instants from the
 * region's coverage calendar (counted from submission, also after a reclassification), the team of
 * the first response (a team at work now when the target runs around the clock: CaseRouting), and
 * whether a critical situation opens. Sends the "case received" mail once. A reclassification after
 * the due instant has passed unanswered moves no instant: the promise broken stays broken (the
 * breach's alerts are not sent again: their mails are keyed by the due instant).
 */
@Component("responseSchedule")
class ResponseSchedule implements JavaDelegate {

  private final CaseRecords records;
  private final CoverageRegions regions;
  private final EntitlementLookup entitlements;
  private final CaseMails mails;
  private final CaseRouting routing;
  private final EngineClock clock;

  ResponseSchedule(
      CaseRecords records,
      CoverageRegions regions,
      EntitlementLookup entitlements,
      CaseMails mails,
      CaseRouting routing,
      EngineClock clock) {
    this.records = records;
    this.regions = regions;
    this.entitlements = entitlements;
    this.mails = mails;
    this.routing = routing;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    String caseNumber = execution.getProcessBusinessKey();
    CaseRecord before = records.get(caseNumber);
    int severity = variables.severity();
    String target = variables.responseTarget();
    Coverage coverage = target == null ? Coverage.BUSINESS_HOURS : variables.responseCoverage();
    String group = routing.route(caseNumber, variables, coverage);

    DueDates.Due due = null;
    if (target != null) {
      CoverageProperties.Region region =
          regions
              .find(variables.catalogue(), variables.region())
              .orElseThrow(
                  () -> new IllegalStateException("no coverage region " + variables.region()));
      due =
          regions.due(
              region,
              before.submittedAt(),
              Target.parse(target),
              variables.responseClock(),
              variables.responseCoverage());
    }
    if (before.dueAt() != null && !clock.instant().isBefore(before.dueAt())) {
      target = before.responseTarget();
      variables.set(RESPONSE_TARGET, target);
      due = new DueDates.Due(before.warningAt(), before.dueAt());
    }
    String reason =
        before.severityReason() != null
            ? before.severityReason()
            : "classified by the Severity decision from the submitter's answers";
    records.scheduled(
        caseNumber,
        severity,
        reason,
        group,
        target,
        due == null ? null : due.warningAt(),
        due == null ? null : due.dueAt());
    variables.set(CANDIDATE_GROUP, group);
    variables.setInstant(RESPONSE_WARNING_AT, due == null ? null : due.warningAt());
    variables.setInstant(RESPONSE_DUE_AT, due == null ? null : due.dueAt());
    var account = entitlements.account(variables.accountId()).orElseThrow();
    variables.set(
        OPEN_CRITICAL_SITUATION,
        before.opensCriticalSituation(severity, account.criticalSituationManagement()));

    CaseRecord kase = records.get(caseNumber);
    mails.received(kase, variables.responseClock(), execution.getProcessInstanceId());
    // A clock that runs outside business hours: the team hears of the case now, not at the 75 %
    // warning.
    if (coverage != Coverage.BUSINESS_HOURS) {
      mails.roundTheClock(kase, coverage, account.name(), execution.getProcessInstanceId());
    }
  }
}
