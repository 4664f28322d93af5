package io.caseops.entitlement;

import io.caseops.system.Api;
import io.caseops.system.PureDecisions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed {@code Entitlements} decision: what a plan includes (a look-up: no
 * decision history).
 */
@Api
@Component
public class PlanEntitlements {

  public static final String DECISION = "Entitlements";

  /**
   * The decision's outputs, each that CaseOps acts on with a typed getter named after its output
   * column; {@link #all()} has every output, for the reports that list them.
   */
  public record Plan(String catalogue, String plan, Map<String, Object> all) {
    public int namedContactLimit() {
      return ((Number) all.get("namedContactLimit")).intValue();
    }

    public String namedContactScope() {
      return (String) all.get("namedContactScope");
    }

    public int delegatedAdminLimit() {
      return ((Number) all.get("delegatedAdminLimit")).intValue();
    }

    /** The share of first responses the plan promises on time (0.9 = 90 %); null: no goal. */
    public Double attainmentGoal() {
      Object goal = all.get("attainmentGoal");
      return goal == null ? null : ((Number) goal).doubleValue();
    }

    /** How often the TAM reviews the account's cases ("P1M", "P1W", "P1D"); null: never. */
    public String caseReviewCadence() {
      return (String) all.get("caseReviewCadence");
    }

    /** How often the CSM holds a business review ("P1Y", "P3M", "P1M"); null: never. */
    public String businessReviewCadence() {
      return (String) all.get("businessReviewCadence");
    }

    /** How often the CSM holds a leadership review (Titanium: "P3M"); null: never. */
    public String leadershipReviewCadence() {
      return (String) all.get("leadershipReviewCadence");
    }

    public String regionChoice() {
      return (String) all.get("regionChoice");
    }

    public String languageChoice() {
      return (String) all.get("languageChoice");
    }

    public boolean followTheSunSev1English() {
      return Boolean.TRUE.equals(all.get("followTheSunSev1English"));
    }

    public String escalation() {
      return (String) all.get("escalation");
    }

    public String priorityQueueBundle() {
      return (String) all.get("priorityQueueBundle");
    }

    public boolean accountWideVisibility() {
      return flag("accountWideVisibility");
    }

    public boolean adminScopeChoice() {
      return flag("adminScopeChoice");
    }

    public boolean ccContacts() {
      return flag("ccContacts");
    }

    public boolean rootCauseAnalysisForSev1() {
      return flag("rootCauseAnalysisForSev1");
    }

    public boolean criticalSituationManagement() {
      return flag("criticalSituationManagement");
    }

    /** Ultimate's "prioritized outage management": its cases in an outage are worked first. */
    public boolean prioritizedOutageManagement() {
      return "prioritized".equals(all.get("outageManagement"));
    }

    /**
     * The account's escalation manager where the plan's escalation is "designated"; else null
     * (pooled).
     */
    public String designatedEscalationManager(String accountEscalationManager) {
      return "designated".equals(escalation()) ? accountEscalationManager : null;
    }

    private boolean flag(String output) {
      return Boolean.TRUE.equals(all.get(output));
    }
  }

  private final PureDecisions decisions;

  public PlanEntitlements(PureDecisions decisions) {
    this.decisions = decisions;
  }

  /**
   * Every plan the latest Entitlements decision names, in the order of its rules: what a report
   * lists even where a plan had no case.
   */
  public List<Plan> all() {
    DecisionTable table =
        decisions
            .latestModel(DECISION)
            .getModelElementsByType(DecisionTable.class)
            .iterator()
            .next();
    List<String> inputs =
        table.getInputs().stream()
            .map(input -> input.getInputExpression().getText().getTextContent().strip())
            .toList();
    int catalogue = inputs.indexOf("catalogue");
    int plan = inputs.indexOf("plan");
    Set<List<String>> named = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      named.add(List.of(literal(entries.get(catalogue)), literal(entries.get(plan))));
    }
    List<Plan> plans = new ArrayList<>();
    named.forEach(pair -> of(pair.get(0), pair.get(1)).ifPresent(plans::add));
    return plans;
  }

  /** A rule's string cell, "silver", without its quotes. */
  private static String literal(InputEntry entry) {
    return entry.getText().getTextContent().strip().replaceAll("^\"|\"$", "");
  }

  /** The plan's entitlements; empty when the catalogue has no such plan. */
  public Optional<Plan> of(String catalogue, String plan) {
    DmnDecisionResultEntries result =
        decisions
            .evaluate(
                DECISION,
                Map.of("catalogue", String.valueOf(catalogue), "plan", String.valueOf(plan)))
            .getFirstResult();
    return Optional.ofNullable(result)
        .map(entries -> new Plan(catalogue, plan, entries.getEntryMap()));
  }
}
