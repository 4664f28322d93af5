package io.caseops.cases;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Severity.dmn against the definitions of docs/support-plans.md section 2, one or more cases per rule row. */
class SeverityDecisionTest {

  static final String ADOBE = "adobe-experience-cloud";
  static final String AAI = "automation-anywhere";

  record Row(String catalogue, String requestType, Boolean production, Boolean usable, Boolean workaround,
             String users, String impact, int severity, String rule) {
  }

  // catalogue, request type, production?, usable?, workaround?, users, impact -> severity, row
  static final List<Row> ROWS = List.of(
      new Row(ADOBE, "question", false, true, true, "one", "none", 4, "Rule_Adobe_P4_NotAnIncident"),
      new Row(ADOBE, "feature-request", true, false, false, "all", "critical", 4, "Rule_Adobe_P4_NotAnIncident"),
      new Row(ADOBE, "documentation", null, null, null, null, null, 4, "Rule_Adobe_P4_NotAnIncident"),
      new Row(ADOBE, "incident", true, false, false, "all", "critical", 1, "Rule_Adobe_P1_ProductionDown"),
      new Row(ADOBE, "incident", true, false, true, "one", "major", 1, "Rule_Adobe_P1_ProductionDown"),
      new Row(ADOBE, "incident", true, true, false, "several", "critical", 1, "Rule_Adobe_P1_ProductionCriticalImpact"),
      new Row(ADOBE, "incident", true, true, true, "all", "major", 3, "Rule_Adobe_P3_WorkaroundAvailable"),
      new Row(ADOBE, "incident", false, false, false, "one", "medium", 2, "Rule_Adobe_P2_ProductUnusable"),
      new Row(ADOBE, "incident", true, true, false, "several", "major", 2, "Rule_Adobe_P2_MajorImpact"),
      new Row(ADOBE, "incident", false, true, false, "all", "critical", 2, "Rule_Adobe_P2_MajorImpact"),
      new Row(ADOBE, "incident", true, true, false, "one", "medium", 3, "Rule_Adobe_P3_MinorImpact"),
      new Row(ADOBE, "incident", false, true, false, "one", "minor", 3, "Rule_Adobe_P3_MinorImpact"),
      new Row(ADOBE, "incident", false, true, false, "one", "none", 4, "Rule_Adobe_P4_NoImpact"),
      new Row(AAI, "training", true, false, false, "all", "critical", 4, "Rule_AAI_Sev4_NotAnIncident"),
      new Row(AAI, "question", false, true, true, "one", "none", 4, "Rule_AAI_Sev4_NotAnIncident"),
      new Row(AAI, "incident", true, false, false, "one", "minor", 1, "Rule_AAI_Sev1_ProductionUnusable"),
      new Row(AAI, "incident", true, true, false, "several", "critical", 2, "Rule_AAI_Sev2_ProductionSeveralUsersCritical"),
      new Row(AAI, "incident", true, true, false, "all", "critical", 2, "Rule_AAI_Sev2_ProductionSeveralUsersCritical"),
      new Row(AAI, "incident", true, true, false, "one", "critical", 3, "Rule_AAI_Sev3_NoWorkaround"),
      new Row(AAI, "incident", false, true, false, "all", "medium", 3, "Rule_AAI_Sev3_NoWorkaround"),
      new Row(AAI, "incident", true, false, true, "all", "critical", 4, "Rule_AAI_Sev4_OtherErrors"),
      new Row(AAI, "incident", false, true, false, "one", "minor", 4, "Rule_AAI_Sev4_OtherErrors"),
      new Row(ADOBE, null, null, null, null, null, null, 4, "Rule_Fallback_Sev4"),
      new Row(ADOBE, "incident", null, null, null, null, null, 4, "Rule_Fallback_Sev4"));

  static final DecisionTable SEVERITY = new DecisionTable("Severity");

  static List<Row> rows() {
    return ROWS;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void classifies(Row row) {
    DecisionTable.Outcome outcome = SEVERITY.evaluate(inputs(
        "catalogue", row.catalogue(), "requestType", row.requestType(), "productionAffected", row.production(),
        "productUsable", row.usable(), "workaroundAvailable", row.workaround(), "usersAffected", row.users(),
        "businessImpact", row.impact()));

    assertThat(outcome.rule()).isEqualTo(row.rule());
    assertThat(outcome.outputs()).containsEntry("severity", row.severity());
  }

  @Test
  void everyRuleRowIsWalked() {
    SEVERITY.assertEveryRowHasACase(ROWS.stream().map(Row::rule));
  }
}
