package io.caseops.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The days of a month that daily case reviews are held on (Titanium: 4 to 6 a month). */
class CaseReviewDaysTest {

  /** AMER in December 2026: weekdays, Christmas Day off. */
  static final Predicate<LocalDate> AMER_DECEMBER =
      day ->
          CaseReviewDays.Calendar.UTC_WEEKDAYS.workingDay().test(day)
              && !day.equals(LocalDate.parse("2026-12-25"));

  @Test
  void sixSessionsAreSpreadEvenlyOverTheMonthsWorkingDays() {
    assertThat(CaseReviewDays.days(YearMonth.of(2026, 12), AMER_DECEMBER, 6))
        .extracting(LocalDate::getDayOfMonth)
        .containsExactly(1, 4, 10, 16, 21, 28);
  }

  @Test
  void withoutACapEveryWorkingDayAndNeverAHolidayOrAWeekend() {
    assertThat(CaseReviewDays.days(YearMonth.of(2026, 12), AMER_DECEMBER, null))
        .hasSize(22)
        .doesNotContain(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-05"));
  }

  @Test
  void aMonthWithFewerWorkingDaysThanSessionsHasEachOfThem() {
    Predicate<LocalDate> threeDays = day -> day.getDayOfMonth() <= 3;
    assertThat(CaseReviewDays.days(YearMonth.of(2027, 2), threeDays, 6)).hasSize(3);
  }
}
