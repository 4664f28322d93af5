package io.caseops.reports;

import io.caseops.entitlement.ServiceAllowanceLedger;
import io.caseops.sla.CoverageProperties;
import io.caseops.sla.CoverageRegions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * When an account's daily case reviews are held (Titanium, SUPPORT-PLANS.md section 7: "daily", 4
 * to 6 a month, at most 8 hours a month): on the working days of the account's review region (its
 * zone says when a day begins; its public and company holidays are no review days), at most the
 * plan's sessions a month (ServiceAllowances' {@code maxSessions} for case-review), spread evenly
 * over the month, and none once the month's case-review hours are used up.
 */
@Component
class CaseReviewDays {

  static final String BENEFIT = "case-review";

  /** An account's review calendar: its zone, and which days are working days. */
  record Calendar(ZoneId zone, Predicate<LocalDate> workingDay) {

    static final Calendar UTC_WEEKDAYS =
        new Calendar(
            ZoneOffset.UTC,
            day ->
                day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);

    LocalDate today(Instant now) {
      return now.atZone(zone).toLocalDate();
    }
  }

  private final CoverageRegions regions;
  private final ServiceAllowanceLedger ledger;

  CaseReviewDays(CoverageRegions regions, ServiceAllowanceLedger ledger) {
    this.regions = regions;
    this.ledger = ledger;
  }

  /** The account's review region's calendar; UTC weekdays when it has none. */
  Calendar calendarOf(ReviewScheduling.Account account) {
    Optional<CoverageProperties.Region> region =
        Optional.ofNullable(
                account.reviewRegion() != null ? account.reviewRegion() : account.region())
            .flatMap(id -> regions.find(account.catalogue(), id));
    return region
        .map(found -> new Calendar(found.zone(), day -> regions.isWorkingDay(found, day)))
        .orElse(Calendar.UTC_WEEKDAYS);
  }

  /** Whether the account has its daily case review on its {@code today}. */
  boolean heldOn(ReviewScheduling.Account account, Calendar calendar, LocalDate today) {
    Integer sessions =
        ledger
            .allowance(account.plan(), BENEFIT)
            .map(ServiceAllowanceLedger.Allowance::maxSessions)
            .orElse(null);
    if (!days(YearMonth.from(today), calendar.workingDay(), sessions).contains(today)) {
      return false;
    }
    return ledger.balances(account.id(), today).stream()
        .filter(balance -> BENEFIT.equals(balance.benefit()))
        .noneMatch(balance -> balance.remainingHours() != null && balance.remainingHours() <= 0);
  }

  /**
   * The month's review days: its working days, or, when the plan allows fewer sessions, that many
   * of them spread evenly from the first (22 working days, 6 sessions: the 1st, 4th, 8th, 12th,
   * 15th and 19th working day).
   */
  static List<LocalDate> days(YearMonth month, Predicate<LocalDate> workingDay, Integer sessions) {
    List<LocalDate> working = new ArrayList<>();
    for (LocalDate day = month.atDay(1);
        !day.isAfter(month.atEndOfMonth());
        day = day.plusDays(1)) {
      if (workingDay.test(day)) {
        working.add(day);
      }
    }
    if (sessions == null || sessions >= working.size()) {
      return working;
    }
    List<LocalDate> chosen = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      chosen.add(working.get(i * working.size() / sessions));
    }
    return chosen;
  }
}
