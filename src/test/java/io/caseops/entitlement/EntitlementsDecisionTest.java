package io.caseops.entitlement;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Entitlements.dmn: what each plan includes, from docs/support-plans.md sections 4, 5 and 7. */
class EntitlementsDecisionTest {

  /** One plan's expected outputs. Columns are the decision's outputs, in order. */
  record Row(String catalogue, String plan, String rule, Map<String, Object> expected) {
  }

  static Map<String, Object> plan(Integer contacts, String scope, Integer admins, Double goal, boolean accountWide,
                                  boolean adminScope, boolean cc, boolean rca, boolean critSit, String escalation,
                                  String outage, boolean followTheSun, String regionChoice, String languageChoice,
                                  String phone, String pqBundle, String priorityQueue, boolean priorityFixes,
                                  String tam, String csm, String caseReviews,
                                  String businessReviews, String leadershipReviews) {
    return inputs("namedContactLimit", contacts, "namedContactScope", scope, "delegatedAdminLimit", admins,
        "attainmentGoal", goal, "accountWideVisibility", accountWide, "adminScopeChoice", adminScope,
        "ccContacts", cc, "rootCauseAnalysisForSev1", rca, "criticalSituationManagement", critSit,
        "escalation", escalation, "outageManagement", outage, "followTheSunSev1English", followTheSun,
        "regionChoice", regionChoice, "languageChoice", languageChoice, "phoneSupport", phone,
        "priorityQueueBundle", pqBundle, "priorityQueue", priorityQueue, "priorityFixConsideration", priorityFixes,
        "technicalAccountManager", tam, "customerSuccessManager", csm, "caseReviewCadence", caseReviews,
        "businessReviewCadence", businessReviews,
        "leadershipReviewCadence", leadershipReviews);
  }

  static final String ADOBE = "adobe-experience-cloud";
  static final String AAI = "automation-anywhere";

  static final List<Row> ROWS = List.of(
      new Row(ADOBE, "expert", "Rule_Plan_Expert", plan(4, "account", 1, null, false, false, false, false, false,
          "pooled", "standard", false, "fixed-slot", "region-languages", "sev1", "available", null, false, "none",
          "none", null, null, null)),
      new Row(ADOBE, "ultimate", "Rule_Plan_Ultimate", plan(15, "product", 1, null, false, false, false, false, false,
          "designated", "prioritized", false, "fixed-slot", "region-languages", "sev1", "included", null, false,
          "designated", "designated", null, null, null)),
      new Row(AAI, "orange", "Rule_Plan_Orange", plan(2, "account", 2, 0.85, false, false, false, false, false,
          "pooled", null, false, "fixed-slot", "account-language", "none", null, null, false, "none", "none",
          null, null, null)),
      new Row(AAI, "silver", "Rule_Plan_Silver", plan(6, "account", 5, 0.90, true, false, true, true, true,
          "pooled", null, true, "at-submission", "slot-languages", "sev1", null, "designated-resources", true,
          "none", "remote", null, "P1Y", null)),
      new Row(AAI, "gold", "Rule_Plan_Gold", plan(20, "account", 10, 0.95, true, true, true, true, true,
          "pooled", null, true, "at-submission", "slot-languages", "all", null, "designated-resources", true,
          "regional", "in-region", "P1M", "P3M", null)),
      new Row(AAI, "platinum", "Rule_Plan_Platinum", plan(20, "account", 10, 0.95, true, true, true, true, true,
          "pooled", null, true, "at-submission", "slot-languages", "all", null, "designated-resources", true,
          "regional", "in-region", "P1W", "P1M", null)),
      new Row(AAI, "titanium", "Rule_Plan_Titanium", plan(20, "account", 10, 0.95, true, true, true, true, true,
          "pooled", null, true, "at-submission", "slot-languages", "all", null, "designated-global-team", true,
          "designated", "designated-in-region", "P1D", "P1M", "P3M")));

  static final DecisionTable ENTITLEMENTS = new DecisionTable("Entitlements");

  static List<Row> rows() {
    return ROWS;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void givesWhatThePlanIncludes(Row row) {
    DecisionTable.Outcome outcome = ENTITLEMENTS.evaluate(inputs("catalogue", row.catalogue(), "plan", row.plan()));

    assertThat(outcome.rule()).isEqualTo(row.rule());
    assertThat(outcome.outputs()).containsExactlyInAnyOrderEntriesOf(row.expected());
  }

  @Test
  void anUnknownPlanMatchesNoRow() {
    assertThat(ENTITLEMENTS.evaluate(inputs("catalogue", AAI, "plan", "expert")).matchedRules()).isEmpty();
  }

  @Test
  void everyRuleRowIsWalked() {
    ENTITLEMENTS.assertEveryRowHasACase(ROWS.stream().map(Row::rule));
  }
}
