package io.caseops.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Case records with known SLA outcomes (case numbers RPT-*), written straight into the read model,
 * with the engine clock on 20 March 2025 noon. The reports read nothing else, so no process runs.
 */
final class ReportFixture {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

  private ReportFixture() {}

  /**
   * March 2025. Silver (initech, goal 90 %): met exactly at the due instant, missed by a minute,
   * open past due (missed, "breached"), open past its warning (pending, "at risk"), no target,
   * reclassified (measured against the due instant of its response), and four more met: 6 met, 2
   * missed, 75 %. Gold (umbrella, Tom's account): two met, one open at risk.
   */
  static void march2025(JdbcTemplate jdbc) {
    ClockUtil.setCurrentTime(Date.from(NOW));
    jdbc.update("delete from sla_record where case_number like 'RPT-%'");
    jdbc.update("delete from support_case where case_number like 'RPT-%'");
    kase(jdbc, "RPT-S1", "initech", "silver", 2, "2025-03-05T12:00:00Z", "2025-03-05T12:00:00Z");
    kase(jdbc, "RPT-S2", "initech", "silver", 2, "2025-03-06T12:00:00Z", "2025-03-06T12:01:00Z");
    kase(jdbc, "RPT-S3", "initech", "silver", 2, "2025-03-20T11:00:00Z", null);
    kase(jdbc, "RPT-S4", "initech", "silver", 2, "2025-03-20T13:00:00Z", null);
    kase(jdbc, "RPT-S5", "initech", "silver", 4, null, null);
    kase(jdbc, "RPT-S6", "initech", "silver", 1, "2025-03-07T10:00:00Z", "2025-03-07T09:00:00Z");
    // Reclassified to Sev 1 after the response: the case's own due instant moved earlier.
    jdbc.update(
        "update support_case set due_at = ? where case_number = 'RPT-S6'",
        Timestamp.from(Instant.parse("2025-03-07T08:00:00Z")));
    for (int i = 7; i <= 10; i++) {
      String day = "2025-03-0" + (i - 4);
      kase(jdbc, "RPT-S" + i, "initech", "silver", 3, day + "T10:00:00Z", day + "T09:00:00Z");
    }
    kase(jdbc, "RPT-G1", "umbrella", "gold", 2, "2025-03-11T10:00:00Z", "2025-03-11T09:00:00Z");
    kase(jdbc, "RPT-G2", "umbrella", "gold", 2, "2025-03-12T10:00:00Z", "2025-03-12T09:00:00Z");
    kase(jdbc, "RPT-G3", "umbrella", "gold", 1, "2025-03-20T12:30:00Z", null);
  }

  /**
   * The months before March 2025 (RPT-H*): Silver with 9 of 10 met each month but one month (7 of
   * 10), Gold with all met, so that a trend chart has a line and a point below the goal.
   */
  static void history(JdbcTemplate jdbc, int months) {
    YearMonth march = YearMonth.of(2025, 3);
    for (int back = 1; back <= months; back++) {
      YearMonth month = march.minusMonths(back);
      int missed = back == 4 ? 3 : 1;
      for (int day = 1; day <= 10; day++) {
        String due = month.atDay(day) + "T10:00:00Z";
        String responded = month.atDay(day) + (day <= missed ? "T10:30:00Z" : "T09:00:00Z");
        kase(jdbc, "RPT-H" + back + "S" + day, "initech", "silver", 3, due, responded);
        if (day <= 2) {
          kase(jdbc, "RPT-H" + back + "G" + day, "umbrella", "gold", 3, due, due);
        }
      }
    }
  }

  /** One case; responded: null for an open one. Met: answered at or before the due instant. */
  static void kase(
      JdbcTemplate jdbc,
      String number,
      String account,
      String plan,
      int severity,
      String due,
      String responded) {
    Instant dueAt = due == null ? null : Instant.parse(due);
    // Submitted 4 hours before it is due (the 2nd of March without a target), warned 1 hour before.
    Instant submitted =
        dueAt == null ? Instant.parse("2025-03-02T09:00:00Z") : dueAt.minusSeconds(4 * 3_600);
    jdbc.update(
        "insert into support_case (case_number, account_id, product_id, submitter, subject,"
            + " description, status, severity, plan, region, candidate_group, response_target,"
            + " warning_at, due_at, submitted_at, status_since) values (?, ?, 'automation-360', ?,"
            + " 'Report fixture', 'Fixture.', ?, ?, ?, 'EMEA', 'team-emea', ?, ?, ?, ?, ?)",
        number,
        account,
        account + "@fixture.example",
        responded == null ? "New" : "In progress",
        severity,
        plan,
        due == null ? null : "PT4H",
        dueAt == null ? null : Timestamp.from(dueAt.minusSeconds(3_600)),
        dueAt == null ? null : Timestamp.from(dueAt),
        Timestamp.from(submitted),
        Timestamp.from(submitted));
    if (responded != null) {
      Instant respondedAt = Instant.parse(responded);
      jdbc.update(
          "insert into sla_record (case_number, target, clock, coverage, due_at, responded_at,"
              + " responded_by, met) values (?, 'PT4H', 'business-hours', 'EMEA', ?, ?, 'emma', ?)",
          number,
          Timestamp.from(dueAt),
          Timestamp.from(respondedAt),
          !respondedAt.isAfter(dueAt));
    }
  }
}
