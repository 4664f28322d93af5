package io.caseops.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar periods of the review cadences, and their names read back. */
class ReviewPeriodTest {

  @ParameterizedTest(name = "{0} containing {1}: {2} from {3} to {4}")
  @CsvSource({
    "P1D, 2026-12-02, 2026-12-02, 2026-12-02, 2026-12-03",
    "P1W, 2026-12-02, 2026-W49,   2026-11-30, 2026-12-07",
    "P1W, 2027-01-01, 2026-W53,   2026-12-28, 2027-01-04",
    "P1W, 2027-01-04, 2027-W01,   2027-01-04, 2027-01-11",
    "P1M, 2026-12-31, 2026-12,    2026-12-01, 2027-01-01",
    "P3M, 2026-11-15, 2026-Q4,    2026-10-01, 2027-01-01",
    "P3M, 2026-02-28, 2026-Q1,    2026-01-01, 2026-04-01",
    "P1Y, 2026-06-30, 2026,       2026-01-01, 2027-01-01"
  })
  void aCadencesPeriodIsTheCalendarPeriodOfTheDay(
      String cadence, LocalDate day, String name, LocalDate start, LocalDate end) {
    ReviewPeriod period = ReviewPeriod.containing(cadence, day);
    assertThat(period).isEqualTo(new ReviewPeriod(name, start, end));
    assertThat(ReviewPeriod.named(name)).as("read back from its name").isEqualTo(period);
  }

  @Test
  void anUnknownCadenceIsRefused() {
    assertThatThrownBy(() -> ReviewPeriod.containing("P2W", LocalDate.parse("2026-12-05")))
        .hasMessageContaining("P2W");
  }
}
