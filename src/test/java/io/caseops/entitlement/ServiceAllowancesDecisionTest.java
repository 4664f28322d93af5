package io.caseops.entitlement;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ServiceAllowances.dmn: the time-boxed benefits table of docs/support-plans.md section 7, cell by cell. */
class ServiceAllowancesDecisionTest {

  record Row(String plan, String benefit, Double hours, String period, Integer maxSessions, String rule) {
  }

  static final List<Row> ROWS = List.of(
      new Row("silver", "enterprise-architect-consultation", 10.0, "P1Y", 4, "Rule_Silver_EnterpriseArchitectConsultation"),
      new Row("gold", "enterprise-architect-consultation", 40.0, "P1Y", null, "Rule_Gold_EnterpriseArchitectConsultation"),
      new Row("platinum", "enterprise-architect-consultation", 80.0, "P1Y", null, "Rule_Platinum_EnterpriseArchitectConsultation"),
      new Row("titanium", "enterprise-architect-consultation", null, null, null, "Rule_Titanium_EnterpriseArchitectConsultation"),
      new Row("silver", "sandbox-setup-guidance", 3.0, "P3M", null, "Rule_Silver_SandboxSetupGuidance"),
      new Row("gold", "sandbox-setup-guidance", 3.0, "P3M", null, "Rule_Gold_SandboxSetupGuidance"),
      new Row("platinum", "sandbox-setup-guidance", 3.0, "P3M", null, "Rule_Platinum_SandboxSetupGuidance"),
      new Row("titanium", "sandbox-setup-guidance", 3.0, "P3M", null, "Rule_Titanium_SandboxSetupGuidance"),
      new Row("gold", "dr-planning", 8.0, "P1Y", 1, "Rule_Gold_DrPlanning"),
      new Row("gold", "ha-consultation", 8.0, "P1Y", 1, "Rule_Gold_HaConsultation"),
      new Row("gold", "infosec-consultation", 8.0, "P1Y", 1, "Rule_Gold_InfosecConsultation"),
      new Row("gold", "infrastructure-review", 4.0, "P1Y", 2, "Rule_Gold_InfrastructureReview"),
      new Row("gold", "scalability-planning", 4.0, "P1Y", 2, "Rule_Gold_ScalabilityPlanning"),
      new Row("gold", "product-adoption-review", 2.0, "P3M", null, "Rule_Gold_ProductAdoptionReview"),
      new Row("gold", "technical-health-review", 3.0, "P1Y", 1, "Rule_Gold_TechnicalHealthReview"),
      new Row("gold", "support-onboarding", 3.0, null, null, "Rule_Gold_SupportOnboarding"),
      new Row("platinum", "dr-planning", 8.0, "P1Y", 1, "Rule_Platinum_DrPlanning"),
      new Row("platinum", "ha-consultation", 8.0, "P1Y", 1, "Rule_Platinum_HaConsultation"),
      new Row("platinum", "infosec-consultation", 8.0, "P1Y", 1, "Rule_Platinum_InfosecConsultation"),
      new Row("platinum", "infrastructure-review", 4.0, "P1Y", 2, "Rule_Platinum_InfrastructureReview"),
      new Row("platinum", "scalability-planning", 4.0, "P1Y", 2, "Rule_Platinum_ScalabilityPlanning"),
      new Row("platinum", "product-adoption-review", 2.0, "P3M", null, "Rule_Platinum_ProductAdoptionReview"),
      new Row("platinum", "technical-health-review", 3.0, "P1Y", 1, "Rule_Platinum_TechnicalHealthReview"),
      new Row("platinum", "support-onboarding", 3.0, null, null, "Rule_Platinum_SupportOnboarding"),
      new Row("platinum", "developer-assistance", 20.0, "P1Y", null, "Rule_Platinum_DeveloperAssistance"),
      new Row("titanium", "dr-planning", 8.0, "P1Y", 1, "Rule_Titanium_DrPlanning"),
      new Row("titanium", "ha-consultation", 8.0, "P1Y", 1, "Rule_Titanium_HaConsultation"),
      new Row("titanium", "infosec-consultation", 8.0, "P1Y", 1, "Rule_Titanium_InfosecConsultation"),
      new Row("titanium", "infrastructure-review", 4.0, "P1Y", 2, "Rule_Titanium_InfrastructureReview"),
      new Row("titanium", "scalability-planning", 4.0, "P1Y", 2, "Rule_Titanium_ScalabilityPlanning"),
      new Row("titanium", "product-adoption-review", 2.0, "P3M", null, "Rule_Titanium_ProductAdoptionReview"),
      new Row("titanium", "technical-health-review", 3.0, "P1Y", 1, "Rule_Titanium_TechnicalHealthReview"),
      new Row("titanium", "support-onboarding", 3.0, null, null, "Rule_Titanium_SupportOnboarding"),
      new Row("titanium", "developer-assistance", 20.0, "P1Y", null, "Rule_Titanium_DeveloperAssistance"),
      new Row("gold", "case-review", 8.0, "P1M", null, "Rule_Gold_CaseReview"),
      new Row("platinum", "case-review", 8.0, "P1M", null, "Rule_Platinum_CaseReview"),
      new Row("titanium", "case-review", 8.0, "P1M", 6, "Rule_Titanium_CaseReview"));

  static final DecisionTable ALLOWANCES = new DecisionTable("ServiceAllowances");

  static List<Row> rows() {
    return ROWS;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void givesTheAllowance(Row row) {
    DecisionTable.Outcome outcome = ALLOWANCES.evaluate(inputs("plan", row.plan(), "benefit", row.benefit()));

    assertThat(outcome.rule()).isEqualTo(row.rule());
    assertThat(outcome.outputs()).containsEntry("hours", row.hours()).containsEntry("period", row.period())
        .containsEntry("maxSessions", row.maxSessions());
  }

  /** Silver's architect sessions last at most 3 h; DR, HA and Infosec consultations are once a quarter. */
  @Test
  void sessionLimitsAsTheBenefitTableSays() {
    assertThat(ALLOWANCES.evaluate(inputs("plan", "silver", "benefit", "enterprise-architect-consultation")).outputs())
        .containsEntry("maxHoursPerSession", 3.0).containsEntry("sessionPeriod", null);
    for (String plan : List.of("gold", "platinum", "titanium")) {
      for (String benefit : List.of("dr-planning", "ha-consultation", "infosec-consultation")) {
        assertThat(ALLOWANCES.evaluate(inputs("plan", plan, "benefit", benefit)).outputs()).as(plan + " " + benefit)
            .containsEntry("maxSessions", 1).containsEntry("sessionPeriod", "P3M");
      }
    }
    assertThat(ALLOWANCES.evaluate(inputs("plan", "gold", "benefit", "enterprise-architect-consultation")).outputs())
        .containsEntry("maxHoursPerSession", null).containsEntry("sessionPeriod", null);
  }

  @Test
  void benefitsAPlanDoesNotIncludeMatchNoRow() {
    assertThat(ALLOWANCES.evaluate(inputs("plan", "silver", "benefit", "dr-planning")).matchedRules()).isEmpty();
    assertThat(ALLOWANCES.evaluate(inputs("plan", "gold", "benefit", "developer-assistance")).matchedRules()).isEmpty();
    assertThat(ALLOWANCES.evaluate(inputs("plan", "orange", "benefit", "sandbox-setup-guidance")).matchedRules()).isEmpty();
    assertThat(ALLOWANCES.evaluate(inputs("plan", "silver", "benefit", "case-review")).matchedRules()).isEmpty();
  }

  @Test
  void everyRuleRowIsWalked() {
    ALLOWANCES.assertEveryRowHasACase(ROWS.stream().map(Row::rule));
  }
}
