package io.caseops.reports;

import io.caseops.cases.FirstResponse;
import io.caseops.entitlement.PlanEntitlements;
import io.caseops.entitlement.PlanEntitlements.Plan;
import io.caseops.reports.Attainment.CaseRow;
import io.caseops.reports.Attainment.Group;
import io.caseops.reports.Attainment.GroupBy;
import io.caseops.system.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the cases of a period from the case read model ({@code support_case}, its {@code
 * sla_record} and its account), read-only, and computes their attainment ({@link Attainment}) with
 * the goals of the deployed Entitlements decision: a process owner who changes a goal in Modeler
 * changes the reports.
 */
@Component
class AttainmentReport {

  /** A case that missed its first-response target, with how late. */
  record Miss(
      String caseNumber,
      String accountId,
      String accountName,
      String plan,
      Integer severity,
      Instant dueAt,
      Instant respondedAt,
      long minutesLate) {}

  /** The figures of a period, grouped. */
  record Figures(String period, Instant from, Instant to, String groupBy, List<Group> groups) {}

  private static final String CASES =
      """
      select c.case_number, a.catalogue, c.plan, c.account_id, a.name, c.region,
             c.candidate_group, c.severity, c.response_target, coalesce(r.due_at, c.due_at) as due_at,
             r.responded_at, r.met, c.submitted_at, c.closed_at
      from support_case c
      join account a on a.id = c.account_id
      left join sla_record r on r.case_number = c.case_number
      where c.submitted_at >= ? and c.submitted_at < ?
      """;

  private final JdbcTemplate jdbc;
  private final PlanEntitlements plans;
  private final EngineClock clock;

  AttainmentReport(JdbcTemplate jdbc, PlanEntitlements plans, EngineClock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  Figures figures(ReportPeriod period, GroupBy groupBy, Viewer viewer) {
    return figures(period, groupBy, rows(period, viewer, null));
  }

  /**
   * The figures as a manager reads them: grouped by plan, for a viewer of every account, every plan
   * the Entitlements decision names is listed with its goal, with no case counted where it had none
   * (a technical account manager's plans are those of their accounts' cases).
   */
  @Transactional(readOnly = true)
  Figures everyPlan(ReportPeriod period, GroupBy groupBy, Viewer viewer) {
    Figures figures = figures(period, groupBy, viewer);
    if (groupBy != GroupBy.PLAN || viewer.accountManager() != null) {
      return figures;
    }
    Set<String> listed =
        figures.groups().stream().map(Group::key).collect(java.util.stream.Collectors.toSet());
    List<Group> groups = new ArrayList<>(figures.groups());
    for (Plan plan : plans.all()) {
      if (!listed.contains(plan.plan())) {
        groups.add(
            Attainment.none(
                plan.catalogue(), plan.plan(), plan.attainmentGoal(), period, clock.instant()));
      }
    }
    groups.sort(java.util.Comparator.comparing(Group::key));
    return new Figures(figures.period(), figures.from(), figures.to(), figures.groupBy(), groups);
  }

  /** One account's figures of a period; empty when it had no case then. */
  @Transactional(readOnly = true)
  Optional<Group> account(ReportPeriod period, String accountId) {
    return figures(period, GroupBy.ACCOUNT, rows(period, new Viewer(null), accountId))
        .groups()
        .stream()
        .findFirst();
  }

  private Figures figures(ReportPeriod period, GroupBy groupBy, List<CaseRow> rows) {
    List<Group> groups =
        Attainment.groups(
            rows,
            groupBy,
            period,
            clock.instant(),
            (catalogue, plan) -> plans.of(catalogue, plan).map(Plan::attainmentGoal).orElse(null));
    return new Figures(
        period.name(), period.start(), period.end(), groupBy.name().toLowerCase(), groups);
  }

  /** The period's missed cases, most late first. */
  @Transactional(readOnly = true)
  List<Miss> misses(ReportPeriod period, Viewer viewer) {
    return misses(rows(period, viewer, null));
  }

  /** One account's missed cases of a period, most late first. */
  @Transactional(readOnly = true)
  List<Miss> misses(ReportPeriod period, String accountId) {
    return misses(rows(period, new Viewer(null), accountId));
  }

  private List<Miss> misses(List<CaseRow> rows) {
    Instant now = clock.instant();
    return rows.stream()
        .filter(row -> row.outcome(now) == FirstResponse.MISSED)
        .map(
            row ->
                new Miss(
                    row.caseNumber(),
                    row.accountId(),
                    row.accountName(),
                    row.plan(),
                    row.severity(),
                    row.dueAt(),
                    row.respondedAt(),
                    row.lateBy(now).toMinutes()))
        .sorted((a, b) -> Long.compare(b.minutesLate(), a.minutesLate()))
        .toList();
  }

  /** The period's rows the viewer sees, of one account when {@code accountId} is not null. */
  private List<CaseRow> rows(ReportPeriod period, Viewer viewer, String accountId) {
    List<Object> arguments = new ArrayList<>(List.of(ts(period.start()), ts(period.end())));
    String sql = CASES;
    if (viewer.accountManager() != null) {
      sql += " and a.technical_account_manager = ?";
      arguments.add(viewer.accountManager());
    }
    if (accountId != null) {
      sql += " and c.account_id = ?";
      arguments.add(accountId);
    }
    return jdbc.query(sql, (rs, i) -> row(rs), arguments.toArray());
  }

  private static CaseRow row(ResultSet rs) throws SQLException {
    Object met = rs.getObject("met");
    return new CaseRow(
        rs.getString("case_number"),
        rs.getString("catalogue"),
        rs.getString("plan"),
        rs.getString("account_id"),
        rs.getString("name"),
        rs.getString("region"),
        rs.getString("candidate_group"),
        (Integer) rs.getObject("severity", Integer.class),
        rs.getString("response_target") != null,
        instant(rs, "due_at"),
        instant(rs, "responded_at"),
        met == null ? null : rs.getBoolean("met"),
        instant(rs, "submitted_at"),
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
