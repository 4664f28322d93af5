package io.caseops.sla;

import io.caseops.system.Api;
import io.caseops.system.PureDecisions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed {@code ResponseTarget} decision, so that a process owner's redeployed
 * table applies at once. Used for quotes, which write no decision history; a case's own target is a
 * business rule task of SupportCase.bpmn.
 */
@Api
@Component
public class ResponseTargets {

  public static final String DECISION = "ResponseTarget";

  /** The decision's inputs. {@code licenceStart} may be null (no contract known, e.g. a quote). */
  public record Question(
      String catalogue,
      String plan,
      int severity,
      String product,
      LocalDate licenceStart,
      boolean priorityQueue,
      String language) {}

  /**
   * The decision's outputs; {@code target} is null when the plan has no target for this severity.
   */
  public record Answer(Target target, String targetText, ClockKind clock, Coverage coverage) {
    public boolean hasTarget() {
      return target != null;
    }
  }

  private final PureDecisions decisions;

  public ResponseTargets(PureDecisions decisions) {
    this.decisions = decisions;
  }

  public Answer evaluate(Question question) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("catalogue", question.catalogue());
    inputs.put("plan", question.plan());
    inputs.put("severity", question.severity());
    inputs.put("product", question.product());
    // An ISO date string, as the process variable holds it: the engine stores no LocalDate without
    // serialization.
    inputs.put(
        "licenceStart",
        question.licenceStart() == null ? null : question.licenceStart().toString());
    inputs.put("priorityQueue", question.priorityQueue());
    inputs.put("language", question.language());
    DmnDecisionResultEntries result = decisions.evaluate(DECISION, inputs).getFirstResult();
    // ResponseClock's last rows cover every catalogue; no clock means the DRD lost its catch-all
    // rows.
    if (result == null || result.getEntry("clock") == null) {
      throw new IllegalStateException("The ResponseTarget decision has no row for " + question);
    }
    String target = result.getEntry("responseTarget");
    return new Answer(
        target == null ? null : Target.parse(target),
        target,
        ClockKind.of(result.getEntry("clock")),
        Coverage.of(result.getEntry("coverage")));
  }
}
