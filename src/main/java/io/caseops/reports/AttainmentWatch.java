package io.caseops.reports;

import io.caseops.notification.Notifications;
import io.caseops.reports.Attainment.Group;
import io.caseops.reports.Attainment.GroupBy;
import io.caseops.system.EngineClock;
import io.caseops.system.StaffGroups;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * AttainmentWatch.bpmn's hourly step, the burn-rate alert: projects this month per plan and per
 * account ({@link Attainment}) and mails the support managers (and an account's technical account
 * manager) when a group's projection falls below its goal. Once per crossing: {@code
 * attainment_alert} remembers where each group stood at the last check, so a group that stays below
 * is not mailed again, and one that recovers and falls again is. Groups with fewer than {@code
 * caseops.reports.alert-min-counted} answered-or-overdue cases are not judged: two cases early in
 * the month say nothing of its end.
 */
@Component("attainmentWatch")
class AttainmentWatch implements JavaDelegate {

  static final String EVENT = "attainment-below-goal";

  private final AttainmentReport report;
  private final Notifications notifications;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;
  private final int minCounted;

  AttainmentWatch(
      AttainmentReport report,
      Notifications notifications,
      JdbcTemplate jdbc,
      EngineClock clock,
      @Value("${caseops.reports.alert-min-counted:5}") int minCounted) {
    this.report = report;
    this.notifications = notifications;
    this.jdbc = jdbc;
    this.clock = clock;
    this.minCounted = minCounted;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = clock.instant();
    ReportPeriod month = ReportPeriod.of(null, null, null, now);
    Map<String, String> managers = new HashMap<>();
    jdbc.query(
        "select id, technical_account_manager from account",
        rs -> {
          managers.put(rs.getString(1), rs.getString(2));
        });
    for (GroupBy groupBy : List.of(GroupBy.PLAN, GroupBy.ACCOUNT)) {
      for (Group group : report.figures(month, groupBy, new Viewer(null)).groups()) {
        if (group.goal() == null || group.counted() < minCounted) {
          continue;
        }
        String by = groupBy.name().toLowerCase(Locale.ROOT);
        boolean below = Boolean.TRUE.equals(group.projection().belowGoal());
        Integer crossings = crossedBelow(month.name(), by, group.key(), below, now);
        if (crossings != null) {
          List<String> users = new ArrayList<>();
          users.add(groupBy == GroupBy.ACCOUNT ? managers.get(group.key()) : null);
          mail(month, by, group, crossings, users, execution.getProcessInstanceId());
        }
      }
    }
  }

  /**
   * Records where the group stands; the number of its crossing when it has just fallen below, else
   * null.
   */
  private Integer crossedBelow(String period, String by, String key, boolean below, Instant now) {
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select below, crossings from attainment_alert where period = ? and group_by = ?"
                + " and group_key = ? for update",
            period,
            by,
            key);
    Timestamp checked = Timestamp.from(now);
    if (rows.isEmpty()) {
      jdbc.update(
          "insert into attainment_alert (period, group_by, group_key, below, crossings, checked_at)"
              + " values (?, ?, ?, ?, ?, ?)",
          period,
          by,
          key,
          below,
          below ? 1 : 0,
          checked);
      return below ? 1 : null;
    }
    boolean wasBelow = Boolean.TRUE.equals(rows.get(0).get("below"));
    int crossings = ((Number) rows.get(0).get("crossings")).intValue();
    int after = below && !wasBelow ? crossings + 1 : crossings;
    jdbc.update(
        "update attainment_alert set below = ?, crossings = ?, checked_at = ? where period = ?"
            + " and group_by = ? and group_key = ?",
        below,
        after,
        checked,
        period,
        by,
        key);
    return below && !wasBelow ? after : null;
  }

  private void mail(
      ReportPeriod month,
      String by,
      Group group,
      int crossing,
      List<String> users,
      String processInstanceId) {
    Map<String, Object> model = new HashMap<>();
    model.put(
        "groupLabel",
        (by.equals("plan") ? "the " + group.key() + " plan" : "account " + group.key()));
    model.put("period", month.name());
    model.put("goalPercent", percent(group.goal()));
    model.put("projectedPercent", percent(group.projection().attainment()));
    model.put("attainmentPercent", percent(group.attainment()));
    model.put("met", group.met());
    model.put("missed", group.missed());
    model.put("pending", group.pending());
    model.put("budgetLeft", group.budgetLeft());
    model.put("projectedCases", group.projection().cases());
    model.put("projectedMisses", group.projection().misses());
    List<String> to = notifications.staffAddresses(users, List.of(StaffGroups.SUPPORT_MANAGERS));
    notifications.queueAbout(
        "attainment/" + month.name() + "/" + by + ":" + group.key(),
        EVENT,
        Integer.toString(crossing),
        to.isEmpty() ? List.of(notifications.staffFallbackAddress()) : to,
        model,
        processInstanceId);
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.1f", share * 100);
  }
}
