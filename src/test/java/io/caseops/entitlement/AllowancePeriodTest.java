package io.caseops.entitlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Allowance periods are calendar periods: the year, quarter or month that contains the day. */
class AllowancePeriodTest {

  @ParameterizedTest(name = "{0} on {1}: {2} to {3}")
  @CsvSource({
    "P1Y, 2026-11-23, 2026-01-01, 2026-12-31",
    "P3M, 2026-11-23, 2026-10-01, 2026-12-31",
    "P3M, 2026-03-31, 2026-01-01, 2026-03-31",
    "P3M, 2026-04-01, 2026-04-01, 2026-06-30",
    "P1M, 2026-02-15, 2026-02-01, 2026-02-28",
    "P6M, 2026-07-01, 2026-07-01, 2026-12-31"
  })
  void periodsAreCalendarPeriods(String period, LocalDate day, LocalDate start, LocalDate end) {
    assertThat(AllowancePeriod.containing(period, day)).isEqualTo(new AllowancePeriod(start, end));
  }

  @Test
  void noPeriodIsTheLifeOfTheAccount() {
    AllowancePeriod once = AllowancePeriod.containing(null, LocalDate.of(2026, 11, 23));
    assertThat(once.end()).isNull();
    assertThat(once.lastDay()).isEqualTo(AllowancePeriod.FOREVER);
  }

  @Test
  void aPeriodThatCutsNoYearEvenlyIsRefused() {
    assertThatThrownBy(() -> AllowancePeriod.containing("P5M", LocalDate.of(2026, 1, 1)))
        .hasMessageContaining("P5M");
  }
}
