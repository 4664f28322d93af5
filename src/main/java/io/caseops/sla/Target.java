package io.caseops.sla;

import io.caseops.system.Api;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * An initial-response target as the ResponseTarget decision writes it: an ISO-8601 duration such as
 * {@code PT15M}, {@code PT12H} or {@code P1D}. Days are kept apart from hours, because on the
 * business clock a day is one coverage day (the length of the region's daily window), not 24 hours.
 */
@Api
public record Target(int days, Duration time) {

  public Target {
    if (days < 0 || time.isNegative() || (days == 0 && time.isZero())) {
      throw new IllegalArgumentException("a target must be positive");
    }
  }

  /**
   * Parses {@code P1D}, {@code PT4H}, {@code P1DT4H30M}; years, months and weeks are refused (not a
   * target's units).
   */
  public static Target parse(String iso) {
    try {
      int t = iso.indexOf('T');
      String datePart = t < 0 ? iso : iso.substring(0, t);
      Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
      if (period.getYears() != 0 || period.getMonths() != 0) {
        throw new IllegalArgumentException(
            "'" + iso + "': a target counts days, hours and minutes only");
      }
      Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + iso.substring(t));
      return new Target(period.getDays(), time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + iso + "' is not an ISO-8601 duration such as PT4H or P1D", e);
    }
  }

  /** The target as covered time, given the length of one coverage day. */
  public Duration coveredTime(Duration coverageDay) {
    return coverageDay.multipliedBy(days).plus(time);
  }
}
