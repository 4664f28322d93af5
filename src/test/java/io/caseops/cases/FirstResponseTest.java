package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one first-response rule, as contacts read it: no database, no engine. */
class FirstResponseTest {

  static final Instant WARNING = Instant.parse("2026-12-02T11:00:00Z");
  static final Instant DUE = Instant.parse("2026-12-02T12:00:00Z");

  static String label(Instant responded, Boolean met, Instant closed, String now) {
    Instant at = Instant.parse(now);
    return FirstResponse.of(DUE, responded, met, closed, at).label(WARNING, at);
  }

  @Test
  void anOpenCaseIsPendingThenAtRiskFromItsWarningThenBreachedPastDue() {
    assertThat(label(null, null, null, "2026-12-02T10:59:59Z")).isEqualTo("pending");
    assertThat(label(null, null, null, "2026-12-02T11:00:00Z")).isEqualTo("at-risk");
    assertThat(label(null, null, null, "2026-12-02T12:00:00Z")).isEqualTo("at-risk");
    assertThat(label(null, null, null, "2026-12-02T12:00:01Z")).isEqualTo("breached");
  }

  @Test
  void anAnsweredCaseKeepsWhatWasRecordedWhenTheEngineerAnswered() {
    Instant answered = Instant.parse("2026-12-02T11:30:00Z");
    assertThat(label(answered, true, null, "2026-12-09T00:00:00Z")).isEqualTo("met");
    assertThat(label(answered, false, null, "2026-12-09T00:00:00Z")).isEqualTo("breached");
  }

  @Test
  void aCaseClosedBeforeDueWithoutAnswerHasNothingToMeasure() {
    Instant closed = Instant.parse("2026-12-02T11:45:00Z");
    assertThat(FirstResponse.of(DUE, null, null, closed, DUE.plusSeconds(3600)))
        .isEqualTo(FirstResponse.CLOSED_UNANSWERED);
    assertThat(label(null, null, closed, "2026-12-03T00:00:00Z")).isEqualTo("none");
    // Closed after it was due: it was missed.
    assertThat(label(null, null, DUE.plusSeconds(60), "2026-12-03T00:00:00Z"))
        .isEqualTo("breached");
  }

  @Test
  void withoutATargetThereIsNone() {
    assertThat(FirstResponse.of(null, null, null, null, DUE).label(null, DUE)).isEqualTo("none");
  }
}
