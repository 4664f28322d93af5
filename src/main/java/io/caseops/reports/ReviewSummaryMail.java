package io.caseops.reports;

import io.caseops.notification.Notifications;
import io.caseops.reports.Attainment.Group;
import io.caseops.system.EngineClock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After a business or leadership review: one mail to the account's delegated administrators with
 * the period's first-response attainment against the plan's goal and the month-by-month trend of
 * the last twelve months. Once per review (its dedupe key is the account, kind and period).
 */
@Component("reviewSummaryMail")
class ReviewSummaryMail implements JavaDelegate {

  static final String EVENT = "review-summary";
  static final int TREND_MONTHS = 12;

  private final AttainmentReport report;
  private final Notifications notifications;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  ReviewSummaryMail(
      AttainmentReport report, Notifications notifications, JdbcTemplate jdbc, EngineClock clock) {
    this.report = report;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String accountId = (String) execution.getVariable(ReviewVariables.ACCOUNT_ID);
    ReviewKind kind = ReviewKind.of((String) execution.getVariable(ReviewVariables.REVIEW_KIND));
    String periodName = (String) execution.getVariable(ReviewVariables.REVIEW_PERIOD);
    Map<String, Object> review =
        jdbc.queryForMap(
            "select r.held_on, r.attendees, r.completed_by, a.name, a.plan from account_review r"
                + " join account a on a.id = r.account_id where r.process_instance_id = ?",
            execution.getProcessInstanceId());
    List<String> admins =
        jdbc.queryForList(
            "select email from named_contact where account_id = ? and delegated_admin = true"
                + " order by email",
            String.class,
            accountId);
    if (admins.isEmpty()) {
      return; // nobody to tell; the review is recorded all the same
    }
    Instant now = clock.instant();
    Map<String, Object> model = new HashMap<>();
    model.put("accountName", review.get("name"));
    model.put("planLabel", capitalized((String) review.get("plan")));
    model.put("reviewLabel", kind.label);
    model.put("period", periodName);
    model.put("heldOn", String.valueOf(review.get("held_on")));
    model.put("attendees", review.get("attendees"));
    model.put(
        "reviewerName",
        notifications
            .firstName((String) review.get("completed_by"))
            .orElse((String) review.get("completed_by")));
    model.put(
        "attainmentLine",
        line(report.account(ReviewPeriod.named(periodName).attainmentPeriod(now), accountId)));
    List<Map<String, Object>> trend = new ArrayList<>();
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    for (int back = TREND_MONTHS - 1; back >= 0; back--) {
      String name = month.minusMonths(back).toString();
      trend.add(
          Map.of(
              "month",
              name,
              "line",
              line(report.account(ReportPeriod.of(name, null, null, now), accountId))));
    }
    model.put("trendMonths", TREND_MONTHS);
    model.put("trend", trend);
    notifications.queueAbout(
        "review/" + accountId + "/" + kind.value() + "/" + periodName,
        EVENT,
        "1",
        admins,
        model,
        execution.getProcessInstanceId());
  }

  /** "92.0 % (23 of 25 on time; goal 95.0 %)", or that there was nothing to count. */
  static String line(Optional<Group> figures) {
    Group group = figures.orElse(null);
    if (group == null || group.counted() == 0) {
      return "no case with a response target";
    }
    return percent(group.attainment())
        + " ("
        + group.met()
        + " of "
        + group.counted()
        + " on time"
        + (group.goal() == null ? "" : "; goal " + percent(group.goal()))
        + ")";
  }

  private static String percent(Double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static String capitalized(String text) {
    return text == null || text.isEmpty()
        ? ""
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
