package io.caseops.entitlement;

import java.time.LocalDate;
import java.time.Period;

/**
 * The calendar period of an allowance that contains a day: its year for P1Y, its quarter for P3M,
 * its month for P1M; no period means once for the life of the account. {@code end} is the period's
 * last day (null: no end).
 */
record AllowancePeriod(LocalDate start, LocalDate end) {

  static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
  static final LocalDate FOREVER = LocalDate.of(9999, 12, 31);

  static AllowancePeriod containing(String period, LocalDate day) {
    if (period == null) {
      return new AllowancePeriod(BEGINNING, null);
    }
    Period length = Period.parse(period).normalized();
    int months = length.getYears() * 12 + length.getMonths();
    if (months <= 0 || 12 % months != 0 || length.getDays() != 0) {
      throw new IllegalStateException(
          "ServiceAllowances period " + period + " is not P1M, P3M, P6M or P1Y");
    }
    int firstMonth = (day.getMonthValue() - 1) / months * months + 1;
    LocalDate start = LocalDate.of(day.getYear(), firstMonth, 1);
    return new AllowancePeriod(start, start.plusMonths(months).minusDays(1));
  }

  /** The last day to count: the period's end, or far in the future for a once-only allowance. */
  LocalDate lastDay() {
    return end == null ? FOREVER : end;
  }
}
