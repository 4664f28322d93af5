package io.caseops.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The calendar period of a review cadence that contains a day: "P1D" the day, "P1W" its ISO week
 * (Monday to Sunday), "P1M" its month, "P3M" its quarter, "P1Y" its year. {@code end} is exclusive:
 * a review is overdue from its first instant, in the zone its scheduling gives.
 */
record ReviewPeriod(String name, LocalDate start, LocalDate end) {

  static ReviewPeriod containing(String cadence, LocalDate day) {
    return switch (cadence) {
      case "P1D" -> new ReviewPeriod(day.toString(), day, day.plusDays(1));
      case "P1W" -> {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield new ReviewPeriod(
            "%d-W%02d"
                .formatted(
                    monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
            monday,
            monday.plusWeeks(1));
      }
      case "P1M" -> {
        LocalDate first = day.withDayOfMonth(1);
        yield new ReviewPeriod(first.toString().substring(0, 7), first, first.plusMonths(1));
      }
      case "P3M" -> {
        int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate first = LocalDate.of(day.getYear(), 3 * quarter - 2, 1);
        yield new ReviewPeriod(day.getYear() + "-Q" + quarter, first, first.plusMonths(3));
      }
      case "P1Y" -> {
        LocalDate first = LocalDate.of(day.getYear(), 1, 1);
        yield new ReviewPeriod(String.valueOf(day.getYear()), first, first.plusYears(1));
      }
      default ->
          throw new IllegalArgumentException(
              "review cadence " + cadence + " is not P1D, P1W, P1M, P3M or P1Y");
    };
  }

  /**
   * The period of a name this class gave: "2026-12-02", "2026-W49", "2026-12", "2026-Q4", "2026".
   */
  static ReviewPeriod named(String name) {
    if (name.matches("\\d{4}")) {
      return containing("P1Y", LocalDate.of(Integer.parseInt(name), 1, 1));
    }
    if (name.matches("\\d{4}-Q[1-4]")) {
      int quarter = name.charAt(6) - '0';
      return containing(
          "P3M", LocalDate.of(Integer.parseInt(name.substring(0, 4)), 3 * quarter - 2, 1));
    }
    if (name.matches("\\d{4}-W\\d{2}")) {
      LocalDate monday =
          LocalDate.of(Integer.parseInt(name.substring(0, 4)), 1, 4)
              .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(name.substring(6)))
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return containing("P1W", monday);
    }
    if (name.matches("\\d{4}-\\d{2}")) {
      return containing("P1M", LocalDate.parse(name + "-01"));
    }
    return containing("P1D", LocalDate.parse(name));
  }

  /**
   * Where the period begins in a time zone: a daily review's day is the account's (CaseReviewDays).
   */
  Instant startIn(ZoneId zone) {
    return start.atStartOfDay(zone).toInstant();
  }

  Instant endIn(ZoneId zone) {
    return end.atStartOfDay(zone).toInstant();
  }

  /** The attainment period a briefing reports: the month for a day's or week's review. */
  ReportPeriod attainmentPeriod(Instant now) {
    if (name.length() == 7 || name.contains("-Q")) {
      return ReportPeriod.of(name, null, null, now);
    }
    if (name.length() == 4) {
      return ReportPeriod.of(null, start.toString(), end.minusDays(1).toString(), now);
    }
    return ReportPeriod.of(start.toString().substring(0, 7), null, null, now);
  }
}
