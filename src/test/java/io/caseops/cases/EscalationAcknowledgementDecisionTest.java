package io.caseops.cases;

import static io.caseops.testsupport.DecisionTable.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.DecisionTable;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EscalationAcknowledgement.dmn: a designated manager acknowledges sooner than the pool. */
class EscalationAcknowledgementDecisionTest {

  static final DecisionTable ACKNOWLEDGEMENT = new DecisionTable("EscalationAcknowledgement");

  @ParameterizedTest(name = "{0} Sev {1} -> {2}")
  @CsvSource({
    "designated, 1, PT15M", "designated, 2, PT1H", "designated, 3, PT4H", "designated, 4, PT8H",
    "pooled,     1, PT30M", "pooled,     2, PT2H", "pooled,     3, PT8H", "pooled,     4, P1D"
  })
  void acknowledgeWithin(String escalation, int severity, String within) {
    assertThat(within(escalation, severity)).isEqualTo(within);
  }

  @Test
  void aDesignatedManagerIsNeverSlowerThanThePoolAndSeverityOneIsFastest() {
    for (int severity = 1; severity <= 4; severity++) {
      assertThat(Duration.parse(within("designated", severity)))
          .isLessThan(Duration.parse(within("pooled", severity)));
      if (severity > 1) {
        assertThat(Duration.parse(within("pooled", severity)))
            .isGreaterThan(Duration.parse(within("pooled", severity - 1)));
      }
    }
  }

  @Test
  void everyRuleRowIsWalked() {
    ACKNOWLEDGEMENT.assertEveryRowHasACase(
        Stream.of("designated", "pooled")
            .flatMap(
                escalation ->
                    Stream.of(1, 2, 3, 4)
                        .flatMap(
                            severity ->
                                ACKNOWLEDGEMENT
                                    .evaluate(
                                        inputs("escalation", escalation, "severity", severity))
                                    .matchedRules()
                                    .stream())));
  }

  static String within(String escalation, int severity) {
    return (String)
        ACKNOWLEDGEMENT
            .evaluate(inputs("escalation", escalation, "severity", severity))
            .outputs()
            .values()
            .iterator()
            .next();
  }
}
