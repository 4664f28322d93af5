package io.caseops.sla;

import io.caseops.system.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The SLA arithmetic: when a target started at a given instant falls due. One pure function of its
 * arguments, so the same code gives the due instant, the warning instant (a share of the target)
 * and the policy quote.
 */
@Api
public final class DueDates {

  /** How far ahead to look for coverage before giving up (a calendar with no coverage at all). */
  static final int MAX_DAYS = 3660;

  private DueDates() {}

  /** Due instant and warning instant of one target. */
  public record Due(Instant warningAt, Instant dueAt) {}

  /** The due instant, and the warning instant at {@code warningShare} (e.g. 0.75) of the target. */
  public static Due due(
      Instant start,
      Target target,
      ClockKind clock,
      Coverage coverage,
      CoverageCalendar calendar,
      double warningShare) {
    if (warningShare <= 0 || warningShare > 1) {
      throw new IllegalArgumentException(
          "the warning share must be in (0, 1], got " + warningShare);
    }
    Instant dueAt = dueAt(start, target, clock, coverage, calendar);
    Instant warningAt =
        clock == ClockKind.CALENDAR
            ? start.plus(scale(Duration.between(start, dueAt), warningShare))
            : addCovered(
                start,
                scale(target.coveredTime(calendar.coverageDay(coverage)), warningShare),
                coverage,
                calendar);
    return new Due(warningAt, dueAt);
  }

  /**
   * The due instant: on the calendar clock, start plus the target in wall-clock time (days as local
   * days); on the business clock, the instant at which the target's worth of covered time has
   * passed since start.
   */
  public static Instant dueAt(
      Instant start, Target target, ClockKind clock, Coverage coverage, CoverageCalendar calendar) {
    if (clock == ClockKind.CALENDAR) {
      return start.atZone(calendar.zone()).plusDays(target.days()).plus(target.time()).toInstant();
    }
    return addCovered(
        start, target.coveredTime(calendar.coverageDay(coverage)), coverage, calendar);
  }

  private static Instant addCovered(
      Instant start, Duration covered, Coverage coverage, CoverageCalendar calendar) {
    Duration remaining = covered;
    LocalDate date = start.atZone(calendar.zone()).toLocalDate();
    for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
      Optional<CoverageCalendar.Window> window = calendar.window(date, coverage);
      if (window.isEmpty()) {
        continue;
      }
      Instant from = window.get().start().isAfter(start) ? window.get().start() : start;
      if (!from.isBefore(window.get().end())) {
        continue;
      }
      Duration available = Duration.between(from, window.get().end());
      if (remaining.compareTo(available) <= 0) {
        return from.plus(remaining);
      }
      remaining = remaining.minus(available);
    }
    throw new IllegalStateException("no coverage within " + MAX_DAYS + " days of " + start);
  }

  private static Duration scale(Duration duration, double share) {
    return Duration.ofMillis(Math.round(duration.toMillis() * share));
  }
}
