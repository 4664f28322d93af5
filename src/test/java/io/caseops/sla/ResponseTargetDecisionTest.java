package io.caseops.sla;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ResponseTarget.dmn against every cell of the target tables of docs/support-plans.md section 3. */
class ResponseTargetDecisionTest {

  static final String ADOBE = "adobe-experience-cloud";
  static final String AAI = "automation-anywhere";
  static final String AEM = "adobe-experience-manager";
  static final String COMMERCE = "adobe-commerce-managed-services";
  static final String A360 = "automation-360";
  static final LocalDate OLD = LocalDate.of(2020, 5, 1);
  static final LocalDate NEW = LocalDate.of(2021, 9, 20);

  record Row(String catalogue, String plan, int severity, String product, LocalDate licenceStart, boolean priorityQueue,
             String language, String target, String clock, String coverage, String rule) {
  }

  static final List<Row> ROWS = List.of(
      // Adobe, data sheet table
      new Row(ADOBE, "expert", 1, AEM, OLD, false, "en", "PT1H", "calendar", "24x7", "Rule_Plan_Expert_P1"),
      new Row(ADOBE, "expert", 2, AEM, OLD, false, "en", "PT2H", "business", "business-hours", "Rule_Plan_Expert_P2"),
      new Row(ADOBE, "expert", 3, AEM, OLD, false, "en", "PT4H", "business", "business-hours", "Rule_Plan_Expert_P3"),
      new Row(ADOBE, "expert", 4, AEM, OLD, false, "ja", "P1D", "business", "business-hours", "Rule_Plan_Expert_P4"),
      new Row(ADOBE, "ultimate", 1, AEM, OLD, false, "en", "PT15M", "calendar", "24x7", "Rule_Plan_Ultimate_P1"),
      new Row(ADOBE, "ultimate", 2, AEM, OLD, false, "en", "PT30M", "business", "24x5", "Rule_Plan_Ultimate_P2"),
      new Row(ADOBE, "ultimate", 3, AEM, OLD, false, "en", "PT1H", "business", "24x5", "Rule_Plan_Ultimate_P3"),
      new Row(ADOBE, "ultimate", 4, AEM, OLD, false, "en", "P1D", "business", "business-hours", "Rule_Plan_Ultimate_P4"),
      // Commerce on Managed Services: licences from 2021-09-20 on get the override; older ones the plan table
      new Row(ADOBE, "expert", 1, COMMERCE, NEW, false, "en", "PT30M", "calendar", "24x7", "Rule_Commerce_P1"),
      new Row(ADOBE, "expert", 2, COMMERCE, NEW, false, "en", "PT1H", "business", "business-hours", "Rule_Commerce_P2"),
      new Row(ADOBE, "expert", 3, COMMERCE, NEW, true, "en", "PT2H", "business", "business-hours", "Rule_Commerce_P3"),
      new Row(ADOBE, "expert", 4, COMMERCE, NEW, false, "en", "P1D", "business", "business-hours", "Rule_Commerce_P4"),
      new Row(ADOBE, "ultimate", 1, COMMERCE, NEW, true, "en", "PT30M", "calendar", "24x7", "Rule_Commerce_P1"),
      // Commerce's data sheet: P2 and P3 "during Adobe's normal business hours", on Ultimate too (not its 24x5).
      new Row(ADOBE, "ultimate", 2, COMMERCE, LocalDate.of(2024, 1, 1), true, "en", "PT1H", "business", "business-hours", "Rule_Commerce_P2"),
      new Row(ADOBE, "ultimate", 3, COMMERCE, NEW, true, "en", "PT2H", "business", "business-hours", "Rule_Commerce_P3"),
      new Row(ADOBE, "ultimate", 4, COMMERCE, NEW, true, "en", "P1D", "business", "business-hours", "Rule_Commerce_P4"),
      new Row(ADOBE, "expert", 1, COMMERCE, LocalDate.of(2021, 9, 19), false, "en", "PT1H", "calendar", "24x7", "Rule_Plan_Expert_P1"),
      // Priority Queue Bundle: the plan's figures until a process owner fills in faster ones
      new Row(ADOBE, "expert", 1, AEM, OLD, true, "en", "PT1H", "calendar", "24x7", "Rule_Plan_Expert_P1"),
      new Row(ADOBE, "expert", 2, AEM, OLD, true, "en", "PT2H", "business", "business-hours", "Rule_Plan_Expert_P2"),
      new Row(ADOBE, "expert", 3, AEM, OLD, true, "en", "PT4H", "business", "business-hours", "Rule_Plan_Expert_P3"),
      new Row(ADOBE, "expert", 4, COMMERCE, OLD, true, "en", "P1D", "business", "business-hours", "Rule_Plan_Expert_P4"),
      new Row(ADOBE, "ultimate", 1, AEM, OLD, true, "en", "PT15M", "calendar", "24x7", "Rule_Plan_Ultimate_P1"),
      new Row(ADOBE, "ultimate", 2, AEM, OLD, true, "en", "PT30M", "business", "24x5", "Rule_Plan_Ultimate_P2"),
      new Row(ADOBE, "ultimate", 3, AEM, OLD, true, "en", "PT1H", "business", "24x5", "Rule_Plan_Ultimate_P3"),
      new Row(ADOBE, "ultimate", 4, AEM, null, true, "en", "P1D", "business", "business-hours", "Rule_Plan_Ultimate_P4"),
      // Automation Anywhere
      new Row(AAI, "orange", 1, A360, OLD, false, "es", "P1D", "business", "business-hours", "Rule_Plan_Orange_Sev1"),
      new Row(AAI, "orange", 2, A360, OLD, false, "en", null, "business", "business-hours", "Rule_Plan_Orange_Sev2to4_NoTarget"),
      new Row(AAI, "orange", 3, A360, OLD, false, "en", null, "business", "business-hours", "Rule_Plan_Orange_Sev2to4_NoTarget"),
      new Row(AAI, "orange", 4, A360, OLD, false, "en", null, "business", "business-hours", "Rule_Plan_Orange_Sev2to4_NoTarget"),
      new Row(AAI, "silver", 1, A360, OLD, false, "en", "PT2H", "calendar", "24x7", "Rule_Plan_Silver_Sev1"),
      new Row(AAI, "silver", 1, A360, OLD, false, "ja", "PT2H", "business", "business-hours", "Rule_Plan_Silver_Sev1"),
      new Row(AAI, "silver", 2, A360, OLD, false, "en", "PT4H", "business", "business-hours", "Rule_Plan_Silver_Sev2"),
      new Row(AAI, "silver", 3, A360, OLD, false, "en", "PT12H", "business", "business-hours", "Rule_Plan_Silver_Sev3"),
      new Row(AAI, "silver", 4, A360, OLD, false, "en", "PT16H", "business", "business-hours", "Rule_Plan_Silver_Sev4"),
      new Row(AAI, "gold", 1, A360, OLD, false, "en", "PT1H", "calendar", "24x7", "Rule_Plan_Gold_Sev1"),
      new Row(AAI, "gold", 1, A360, OLD, false, "pt", "PT1H", "business", "business-hours", "Rule_Plan_Gold_Sev1"),
      new Row(AAI, "gold", 2, A360, OLD, false, "en", "PT2H", "business", "business-hours", "Rule_Plan_Gold_Sev2"),
      new Row(AAI, "gold", 3, A360, OLD, false, "en", "PT8H", "business", "business-hours", "Rule_Plan_Gold_Sev3"),
      new Row(AAI, "gold", 4, A360, OLD, false, "en", "PT16H", "business", "business-hours", "Rule_Plan_Gold_Sev4"),
      new Row(AAI, "platinum", 1, A360, OLD, false, "en", "PT15M", "calendar", "24x7", "Rule_Plan_Platinum_Sev1"),
      new Row(AAI, "platinum", 1, A360, OLD, false, "ko", "PT15M", "business", "business-hours", "Rule_Plan_Platinum_Sev1"),
      new Row(AAI, "platinum", 2, A360, OLD, false, "en", "PT1H", "business", "business-hours", "Rule_Plan_Platinum_Sev2"),
      new Row(AAI, "platinum", 3, A360, OLD, false, "en", "PT4H", "business", "business-hours", "Rule_Plan_Platinum_Sev3"),
      new Row(AAI, "platinum", 4, A360, OLD, false, "en", "PT8H", "business", "business-hours", "Rule_Plan_Platinum_Sev4"),
      new Row(AAI, "titanium", 1, A360, OLD, false, "en", "PT15M", "calendar", "24x7", "Rule_Plan_Titanium_Sev1"),
      new Row(AAI, "titanium", 1, A360, OLD, false, "es", "PT15M", "business", "business-hours", "Rule_Plan_Titanium_Sev1"),
      new Row(AAI, "titanium", 2, "process-discovery", OLD, false, "en", "PT1H", "business", "business-hours", "Rule_Plan_Titanium_Sev2"),
      new Row(AAI, "titanium", 3, A360, OLD, false, "en", "PT4H", "business", "business-hours", "Rule_Plan_Titanium_Sev3"),
      new Row(AAI, "titanium", 4, A360, OLD, false, "en", "PT8H", "business", "business-hours", "Rule_Plan_Titanium_Sev4"));

  static final DecisionTable RESPONSE_TARGET = new DecisionTable("ResponseTarget");

  static List<Row> rows() {
    return ROWS;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void givesTheTargetOfTheCell(Row row) {
    DecisionTable.Outcome outcome = evaluate(row);

    assertThat(outcome.matchedRules()).as("the row that gives the target").contains(row.rule());
    assertThat(outcome.outputs())
        .containsEntry("responseTarget", row.target())
        .containsEntry("clock", row.clock())
        .containsEntry("coverage", row.coverage());
  }

  /** Every row of the five decisions of the DRD matches for some cell: no row is dead. */
  @Test
  void everyRuleRowIsWalked() {
    RESPONSE_TARGET.assertEveryRowHasACase(ROWS.stream().flatMap(row -> evaluate(row).matchedRules().stream()));
  }

  static DecisionTable.Outcome evaluate(Row row) {
    return RESPONSE_TARGET.evaluate(inputs(
        "catalogue", row.catalogue(), "plan", row.plan(), "severity", row.severity(), "product", row.product(),
        "licenceStart", row.licenceStart() == null ? null : row.licenceStart().toString(), "priorityQueue",
        row.priorityQueue(), "language", row.language()));
  }
}
