package io.caseops.system.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The days and instants CaseOps takes from a caller: 1970 to 9999. java.time reads far more (year
 * +999999999), and the arithmetic on such a value (a due date, the end of a period) then fails with
 * a 500; no case, report or service hour lies outside this range.
 */
public final class DateRange {

  public static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
  public static final LocalDate LAST = LocalDate.of(9999, 12, 31);

  /** The rule a value outside the range breaks, as a problem states it. */
  public static final String RULE = "must be between " + FIRST + " and " + LAST;

  private DateRange() {}

  public static boolean within(LocalDate day) {
    return !day.isBefore(FIRST) && !day.isAfter(LAST);
  }

  public static boolean within(Instant instant) {
    return within(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  public static boolean within(YearMonth month) {
    return within(month.atDay(1));
  }

  /** {@code day}, if within the range; else a 400 naming {@code field}. Null stays null. */
  public static LocalDate check(String field, LocalDate day) {
    if (day != null && !within(day)) {
      throw BadRequestException.of(field, RULE + ", got " + day);
    }
    return day;
  }
}
