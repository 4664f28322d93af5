package io.caseops.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A region's support calendar: its zone, its weekday window and its holidays. Holidays only close
 * business-hours coverage; 24x5 and 24x7 run through them.
 *
 * @param zone the region's time zone, in which the window and weekdays are read
 * @param opens start of the weekday window, local time
 * @param closes end of the weekday window, local time (after {@code opens})
 * @param holiday whether a local date is a public or company holiday in this region
 */
record CoverageCalendar(
    ZoneId zone, LocalTime opens, LocalTime closes, Predicate<LocalDate> holiday) {

  public CoverageCalendar {
    if (!closes.isAfter(opens)) {
      throw new IllegalArgumentException(
          "the window must close after it opens: " + opens + "-" + closes);
    }
  }

  /** The length of one coverage day: what {@code P1D} counts on the business clock. */
  public Duration coverageDay(Coverage coverage) {
    return coverage == Coverage.BUSINESS_HOURS
        ? Duration.between(opens, closes)
        : Duration.ofHours(24);
  }

  /** The covered part of one local date, as instants; empty when that date has no coverage. */
  public Optional<Window> window(LocalDate date, Coverage coverage) {
    boolean weekend =
        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    return switch (coverage) {
      case ALWAYS -> Optional.of(wholeDay(date));
      case WEEKDAYS -> weekend ? Optional.empty() : Optional.of(wholeDay(date));
      case BUSINESS_HOURS ->
          weekend || holiday.test(date)
              ? Optional.empty()
              : Optional.of(
                  new Window(
                      date.atTime(opens).atZone(zone).toInstant(),
                      date.atTime(closes).atZone(zone).toInstant()));
    };
  }

  private Window wholeDay(LocalDate date) {
    // atStartOfDay(zone) is right on days whose midnight falls in a DST gap
    return new Window(
        date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** A covered interval [start, end). */
  public record Window(Instant start, Instant end) {}
}
