package io.caseops.entitlement;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AddOns.dmn: Adobe's add-ons per plan, docs/support-plans.md section 7. */
class AddOnsDecisionTest {

  record Row(String plan, String addOn, String availability, String rule) {
  }

  static final List<Row> ROWS = List.of(
      new Row("expert", "event-management", "available", "Rule_Expert_EventManagement"),
      new Row("ultimate", "event-management", "available", "Rule_Ultimate_EventManagement"),
      new Row("ultimate", "technical-account-director", "available", "Rule_Ultimate_TechnicalAccountDirector"),
      new Row("expert", "advanced-cloud-support", "available", "Rule_Expert_AdvancedCloudSupport"),
      new Row("ultimate", "advanced-cloud-support", "available", "Rule_Ultimate_AdvancedCloudSupport"),
      new Row("expert", "mentor-sessions", "available", "Rule_Expert_MentorSessions"),
      new Row("ultimate", "mentor-sessions", "included", "Rule_Ultimate_MentorSessions"),
      new Row("expert", "developer-boost", "available", "Rule_Expert_DeveloperBoost"),
      new Row("ultimate", "developer-boost", "included", "Rule_Ultimate_DeveloperBoost"),
      new Row("expert", "priority-queue-bundle", "available", "Rule_Expert_PriorityQueueBundle"),
      new Row("ultimate", "priority-queue-bundle", "included", "Rule_Ultimate_PriorityQueueBundle"));

  static final DecisionTable ADD_ONS = new DecisionTable("AddOns");

  static List<Row> rows() {
    return ROWS;
  }

  @ParameterizedTest
  @MethodSource("rows")
  void givesTheAvailability(Row row) {
    DecisionTable.Outcome outcome = ADD_ONS.evaluate(inputs("plan", row.plan(), "addOn", row.addOn()));

    assertThat(outcome.rule()).isEqualTo(row.rule());
    assertThat(outcome.outputs()).containsEntry("availability", row.availability());
  }

  @Test
  void technicalAccountDirectorIsNotOfferedOnExpert() {
    assertThat(ADD_ONS.evaluate(inputs("plan", "expert", "addOn", "technical-account-director")).matchedRules())
        .isEmpty();
  }

  @Test
  void everyRuleRowIsWalked() {
    ADD_ONS.assertEveryRowHasACase(ROWS.stream().map(Row::rule));
  }
}
