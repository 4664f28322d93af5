package io.caseops.reports;

import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.DateRange;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a report covers, [start, end), in UTC: a calendar month ({@code 2026-11}, the default:
 * this month), a quarter ({@code 2026-Q4}), or {@code from} and {@code to}, both days included. A
 * case belongs to the period it was submitted in.
 */
record ReportPeriod(String name, Instant start, Instant end) {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final int LONGEST_DAYS = 3 * 366;

  static ReportPeriod of(String period, String from, String to, Instant now) {
    if (from != null || to != null) {
      if (period != null) {
        throw BadRequestException.of("period", "give either period or from and to, not both");
      }
      LocalDate first = day("from", from);
      LocalDate last = day("to", to);
      if (last.isBefore(first)) {
        throw BadRequestException.of("to", "must be on or after from (" + first + ")");
      }
      if (first.plusDays(LONGEST_DAYS).isBefore(last)) {
        throw BadRequestException.of("to", "a period is at most " + LONGEST_DAYS + " days");
      }
      return new ReportPeriod(first + ".." + last, startOf(first), startOf(last.plusDays(1)));
    }
    if (period == null || period.isBlank()) {
      return month(YearMonth.from(now.atZone(ZoneOffset.UTC)));
    }
    Matcher quarter = QUARTER.matcher(period);
    if (quarter.matches()) {
      YearMonth first =
          YearMonth.of(
              Integer.parseInt(quarter.group(1)), 3 * Integer.parseInt(quarter.group(2)) - 2);
      return new ReportPeriod(
          period, startOf(first.atDay(1)), startOf(first.plusMonths(3).atDay(1)));
    }
    try {
      return month(YearMonth.parse(period));
    } catch (DateTimeException e) {
      throw BadRequestException.of(
          "period", "must be a month (2026-11) or a quarter (2026-Q4), not '" + period + "'");
    }
  }

  private static ReportPeriod month(YearMonth month) {
    if (!DateRange.within(month)) {
      throw BadRequestException.of("period", DateRange.RULE + ", got " + month);
    }
    return new ReportPeriod(
        month.toString(), startOf(month.atDay(1)), startOf(month.plusMonths(1).atDay(1)));
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      throw BadRequestException.of(
          field, "is required with " + (field.equals("from") ? "to" : "from"));
    }
    try {
      return DateRange.check(field, LocalDate.parse(value));
    } catch (DateTimeException e) {
      throw BadRequestException.of(field, "must be a day such as 2026-11-01, not '" + value + "'");
    }
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** How much of the period has passed by {@code now}, from 0 to 1. */
  double elapsedShare(Instant now) {
    double whole = Duration.between(start, end).toMillis();
    double passed = Duration.between(start, now).toMillis();
    return Math.max(0, Math.min(1, passed / whole));
  }
}
