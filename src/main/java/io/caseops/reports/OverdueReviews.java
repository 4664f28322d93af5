package io.caseops.reports;

import io.caseops.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The reviews not held by the end of their period, for the Cockpit panel and the staff API. */
@Component
class OverdueReviews {

  /** One overdue review; {@code processInstanceId} links to its AccountReview in Cockpit. */
  record Overdue(
      String accountId,
      String accountName,
      String kind,
      String period,
      String reviewer,
      Instant dueAt,
      String processInstanceId) {}

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  OverdueReviews(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<Overdue> of(Viewer viewer) {
    List<Object> arguments = new ArrayList<>(List.of(Timestamp.from(clock.instant())));
    String sql =
        "select r.account_id, a.name, r.kind, r.period, r.reviewer, r.period_end,"
            + " r.process_instance_id from account_review r join account a on a.id = r.account_id"
            + " where r.completed_at is null and r.period_end <= ?";
    if (viewer.accountManager() != null) {
      sql += " and a.technical_account_manager = ?";
      arguments.add(viewer.accountManager());
    }
    return jdbc.query(
        sql + " order by r.period_end, r.account_id, r.kind",
        (rs, i) ->
            new Overdue(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7)),
        arguments.toArray());
  }
}
