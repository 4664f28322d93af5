package io.caseops.cases;

import io.caseops.entitlement.Entitlement;
import io.caseops.entitlement.NamedContacts;
import io.caseops.sla.CoverageRegions;
import io.caseops.sla.DueDates;
import io.caseops.sla.ResponseTargets;
import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import io.caseops.system.PureDecisions;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the policy promises a case before it is opened: the severity the Severity decision gives the
 * answers, the ResponseTarget decision's target and the due instant on the region's calendar, by
 * the same decisions and arithmetic as the case's intake (SupportCase.bpmn), for the portal's
 * new-case page. Refuses what the intake would refuse, with the same messages; writes nothing.
 */
@Api
@Service
public class CaseQuotes {

  static final String SEVERITY_DECISION = "Severity";

  /**
   * The promise: {@code responseTarget} "P1D"-style text, or null when the plan sets no target for
   * the severity (then no due instant either).
   */
  @Api
  public record Quote(
      int severity,
      Integer proposedSeverity,
      String responseTarget,
      String region,
      String zone,
      String language,
      Instant submittedAt,
      Instant warningAt,
      Instant dueAt) {}

  private final CaseIntake intake;
  private final PureDecisions decisions;
  private final ResponseTargets targets;
  private final CoverageRegions regions;
  private final EngineClock clock;

  CaseQuotes(
      CaseIntake intake,
      PureDecisions decisions,
      ResponseTargets targets,
      CoverageRegions regions,
      EngineClock clock) {
    this.intake = intake;
    this.decisions = decisions;
    this.targets = targets;
    this.regions = regions;
    this.clock = clock;
  }

  public Quote quote(NamedContacts.Contact contact, CaseIntake.Submission submission) {
    Entitlement entitlement = intake.admit(contact, submission);
    int severity = severity(entitlement.catalogue(), submission.answers());
    ResponseTargets.Answer answer = targets.evaluate(entitlement.targetQuestion(severity));
    Instant now = clock.instant();
    DueDates.Due due =
        answer.hasTarget()
            ? regions.due(
                regions.find(entitlement.catalogue(), entitlement.region()).orElseThrow(),
                now,
                answer.target(),
                answer.clock(),
                answer.coverage())
            : null;
    return new Quote(
        severity,
        submission.proposedSeverity(),
        answer.targetText(),
        entitlement.region(),
        entitlement.zone().getId(),
        entitlement.language(),
        now,
        due == null ? null : due.warningAt(),
        due == null ? null : due.dueAt());
  }

  private int severity(String catalogue, CaseIntake.SeverityAnswers answers) {
    Map<String, Object> inputs = answers.decisionInputs();
    inputs.put(CaseVariables.CATALOGUE, catalogue);
    Object severity = decisions.evaluate(SEVERITY_DECISION, inputs).getSingleEntry();
    if (!(severity instanceof Number number)) {
      throw new IllegalStateException("The Severity decision classified nothing for " + inputs);
    }
    return number.intValue();
  }
}
