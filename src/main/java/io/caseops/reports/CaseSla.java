package io.caseops.reports;

import io.caseops.cases.CaseInstances;
import io.caseops.cases.CaseInstances.ResponseTerms;
import io.caseops.cases.CaseStatus;
import io.caseops.cases.FirstResponse;
import io.caseops.reports.Attainment.CaseRow;
import io.caseops.system.EngineClock;
import io.caseops.system.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The initial-response SLA of single cases, for the Cockpit plugin: the open cases at risk (past
 * their 75 % warning) or breached (past their due instant, still unanswered), and one case's whole
 * SLA story. The same rules as the attainment report ({@link Attainment}); the same viewers.
 */
@Component
class CaseSla {

  /** At most this many cases on the watch list, the soonest due first. */
  static final int WATCH_LIST_SIZE = 100;

  enum State {
    AT_RISK,
    BREACHED
  }

  /** An open, unanswered case past its warning. {@code minutes}: left before due, or late by. */
  record Watched(
      String caseNumber,
      String accountId,
      String accountName,
      String plan,
      Integer severity,
      String status,
      Instant warningAt,
      Instant dueAt,
      State state,
      long minutes,
      String processInstanceId) {

    Watched in(String processInstance) {
      return new Watched(
          caseNumber,
          accountId,
          accountName,
          plan,
          severity,
          status,
          warningAt,
          dueAt,
          state,
          minutes,
          processInstance);
    }
  }

  /** One severity change after intake, with who and why. */
  record Reclassification(int from, int to, String reason, String changedBy, Instant changedAt) {}

  /** One case's initial-response SLA. {@code outcome} as the attainment report counts it. */
  record View(
      String caseNumber,
      String accountId,
      String accountName,
      String plan,
      Integer severity,
      String status,
      String target,
      String clock,
      String coverage,
      Instant submittedAt,
      Instant warningAt,
      Instant dueAt,
      Instant respondedAt,
      String respondedBy,
      FirstResponse outcome,
      boolean atRisk,
      Long minutesLate,
      List<Reclassification> reclassifications,
      String processInstanceId) {}

  private static final String WATCH_LIST =
      """
      select c.case_number, c.account_id, a.name, c.plan, c.severity, c.status, c.warning_at, c.due_at
      from support_case c
      join account a on a.id = c.account_id
      where c.status not in (?, ?) and c.due_at is not null and coalesce(c.warning_at, c.due_at) <= ?
        and not exists (select 1 from sla_record r where r.case_number = c.case_number)
      """;

  /** Cases with their account and SLA record (the one a first response was judged by). */
  private static final String CASES =
      """
      select c.case_number, c.account_id, a.name, a.technical_account_manager, c.plan, c.severity,
             c.status, coalesce(r.target, c.response_target) as target, r.clock, r.coverage,
             c.response_target, c.submitted_at, c.warning_at, coalesce(r.due_at, c.due_at) as due_at,
             r.responded_at, r.responded_by, r.met, c.closed_at
      from support_case c
      join account a on a.id = c.account_id
      left join sla_record r on r.case_number = c.case_number
      """;

  private final JdbcTemplate jdbc;
  private final CaseInstances instances;
  private final EngineClock clock;

  CaseSla(JdbcTemplate jdbc, CaseInstances instances, EngineClock clock) {
    this.jdbc = jdbc;
    this.instances = instances;
    this.clock = clock;
  }

  /** The open cases past their warning that nobody has answered yet, the soonest due first. */
  @Transactional(readOnly = true)
  List<Watched> watchList(Viewer viewer) {
    Instant now = clock.instant();
    List<Object> arguments =
        new ArrayList<>(
            List.of(CaseStatus.CLOSED.label(), CaseStatus.REJECTED.label(), Timestamp.from(now)));
    String sql = WATCH_LIST;
    if (viewer.accountManager() != null) {
      sql += " and a.technical_account_manager = ?";
      arguments.add(viewer.accountManager());
    }
    sql += " order by c.due_at, c.case_number fetch first " + WATCH_LIST_SIZE + " rows only";
    List<Watched> rows = jdbc.query(sql, (rs, i) -> watched(rs, now), arguments.toArray());
    Map<String, String> ids =
        instances.processInstances(rows.stream().map(Watched::caseNumber).toList());
    return rows.stream().map(row -> row.in(ids.get(row.caseNumber()))).toList();
  }

  /** One case's SLA; a case outside the viewer's accounts does not exist for them. */
  @Transactional(readOnly = true)
  View of(String caseNumber, Viewer viewer) {
    Instant now = clock.instant();
    ResponseTerms terms = instances.responseTerms(caseNumber).orElse(null);
    List<Reclassification> reclassifications =
        jdbc.query(
            "select from_severity, to_severity, reason, changed_by, changed_at from severity_change "
                + "where case_number = ? order by changed_at, id",
            (rs, i) ->
                new Reclassification(
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    instant(rs, "changed_at")),
            caseNumber);
    return jdbc
        .query(
            CASES + " where c.case_number = ?",
            (rs, i) -> view(rs, viewer, now, terms, reclassifications),
            caseNumber)
        .stream()
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  /**
   * An account's open cases (not closed, not rejected), oldest first, without their process terms
   * and reclassifications: for a review's briefing.
   */
  @Transactional(readOnly = true)
  List<View> openCases(String accountId) {
    Instant now = clock.instant();
    return jdbc.query(
        CASES + " where c.account_id = ? and c.status not in (?, ?) order by c.submitted_at",
        (rs, i) -> view(rs, new Viewer(null), now, null, List.of()),
        accountId,
        CaseStatus.CLOSED.label(),
        CaseStatus.REJECTED.label());
  }

  /** The view of one row of {@link #CASES}, null when the viewer does not see its account. */
  private static View view(
      ResultSet rs,
      Viewer viewer,
      Instant now,
      ResponseTerms terms,
      List<Reclassification> reclassifications)
      throws SQLException {
    if (!viewer.sees(rs.getString("technical_account_manager"))) {
      return null;
    }
    Object met = rs.getObject("met");
    Instant warningAt = instant(rs, "warning_at");
    Instant respondedAt = instant(rs, "responded_at");
    CaseRow row =
        new CaseRow(
            rs.getString("case_number"),
            null,
            rs.getString("plan"),
            rs.getString("account_id"),
            rs.getString("name"),
            null,
            null,
            (Integer) rs.getObject("severity", Integer.class),
            rs.getString("response_target") != null,
            instant(rs, "due_at"),
            respondedAt,
            met == null ? null : rs.getBoolean("met"),
            instant(rs, "submitted_at"),
            instant(rs, "closed_at"));
    FirstResponse outcome = row.outcome(now);
    return new View(
        row.caseNumber(),
        row.accountId(),
        row.accountName(),
        row.plan(),
        row.severity(),
        rs.getString("status"),
        rs.getString("target"),
        // Until the first response the terms are the process's; sla_record keeps them after.
        Optional.ofNullable(rs.getString("clock")).orElse(terms == null ? null : terms.clock()),
        Optional.ofNullable(rs.getString("coverage"))
            .orElse(terms == null ? null : terms.coverage()),
        row.submittedAt(),
        warningAt,
        row.dueAt(),
        respondedAt,
        rs.getString("responded_by"),
        outcome,
        outcome.atRisk(warningAt, now),
        outcome == FirstResponse.MISSED ? row.lateBy(now).toMinutes() : null,
        reclassifications,
        terms == null ? null : terms.processInstanceId());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Watched watched(ResultSet rs, Instant now) throws SQLException {
    Instant dueAt = instant(rs, "due_at");
    boolean breached = now.isAfter(dueAt);
    return new Watched(
        rs.getString("case_number"),
        rs.getString("account_id"),
        rs.getString("name"),
        rs.getString("plan"),
        (Integer) rs.getObject("severity", Integer.class),
        rs.getString("status"),
        instant(rs, "warning_at"),
        dueAt,
        breached ? State.BREACHED : State.AT_RISK,
        Math.abs(Duration.between(now, dueAt).toMinutes()),
        null);
  }
}
