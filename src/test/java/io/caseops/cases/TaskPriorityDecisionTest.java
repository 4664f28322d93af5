package io.caseops.cases;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TaskPriority.dmn: the severity's band plus the plan's bump, never into the next band. */
class TaskPriorityDecisionTest {

  static final DecisionTable TASK_PRIORITY = new DecisionTable("TaskPriority");

  @ParameterizedTest(name = "{0} Sev {1} -> {2}")
  @CsvSource({
      "orange,   1, 90", "expert,   1, 90", "silver,   1, 92", "gold,     1, 94", "ultimate, 1, 94",
      "platinum, 1, 96", "titanium, 1, 98", "orange,   2, 70", "titanium, 2, 78", "silver,   3, 52",
      "expert,   4, 30", "titanium, 4, 38"})
  void bandPlusBump(String plan, int severity, int priority) {
    assertThat(TASK_PRIORITY.evaluate(inputs("plan", plan, "severity", severity, "outagePriority", false)).outputs().values())
        .containsExactly(priority);
  }

  @ParameterizedTest(name = "Ultimate Sev {0} in a prioritized outage -> {1}")
  @CsvSource({"1, 99", "2, 79", "3, 59", "4, 39"})
  void aPrioritizedOutageTopsTheBand(int severity, int priority) {
    assertThat(outage(severity)).isEqualTo(priority);
  }

  static int outage(int severity) {
    return ((Number) TASK_PRIORITY.evaluate(inputs("plan", "ultimate", "severity", severity, "outagePriority", true))
        .outputs().values().iterator().next()).intValue();
  }

  @Test
  void aTitaniumSev2IsWorkedBeforeAnOrangeSev2ButAfterAnySev1() {
    assertThat(priority("titanium", 2)).isGreaterThan(priority("orange", 2)).isLessThan(priority("orange", 1));
  }

  @Test
  void everyRuleRowIsWalked() {
    Stream<String> plain = Stream.of("orange", "expert", "silver", "gold", "ultimate", "platinum", "titanium")
        .flatMap(plan -> Stream.of(1, 2, 3, 4).flatMap(severity -> TASK_PRIORITY
            .evaluate(inputs("plan", plan, "severity", severity, "outagePriority", false)).matchedRules().stream()));
    Stream<String> outage = TASK_PRIORITY
        .evaluate(inputs("plan", "ultimate", "severity", 2, "outagePriority", true)).matchedRules().stream();
    TASK_PRIORITY.assertEveryRowHasACase(Stream.concat(plain, outage));
  }

  static int priority(String plan, int severity) {
    return ((Number) TASK_PRIORITY.evaluate(inputs("plan", plan, "severity", severity, "outagePriority", false)).outputs().values()
        .iterator().next()).intValue();
  }
}
