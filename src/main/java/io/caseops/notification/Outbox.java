package io.caseops.notification;

import io.caseops.system.EngineClock;
import io.caseops.system.EngineInternals;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Queues mails in the {@code mail_outbox} table, in the transaction of the engine command that
 * decides to send them, and creates one job per mail for the engine's job executor ({@link
 * MailSending}). A rolled-back command leaves neither row nor job; a committed one always has both,
 * so no mail is lost and none is queued twice.
 */
@Component
class Outbox {

  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  Outbox(JdbcTemplate jdbc, EngineClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Queues the mail unless its dedupe key is queued already; returns whether it was queued now. The
   * send job is linked to the case's process instance (not to an execution, whose end would delete
   * the job), so that an incident shows on the case in Cockpit.
   */
  public boolean queue(Mail mail, String processInstanceId) {
    if (!EngineInternals.inCommand()) {
      throw new IllegalStateException(
          "mails are queued inside an engine command (a delegate or listener)");
    }
    if (mail.to().isEmpty()) {
      return false;
    }
    Integer queued =
        jdbc.queryForObject(
            "select count(*) from mail_outbox where dedupe_key = ?",
            Integer.class,
            mail.dedupeKey());
    if (queued != null && queued > 0) {
      return false;
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var insert =
              connection.prepareStatement(
                  "insert into mail_outbox (dedupe_key, case_number, event, recipients, "
                      + "cc, subject, text_body, html_body, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, mail.dedupeKey());
          insert.setString(2, mail.caseNumber());
          insert.setString(3, mail.event());
          insert.setString(4, String.join(",", mail.to()));
          insert.setString(5, mail.cc().isEmpty() ? null : String.join(",", mail.cc()));
          insert.setString(6, mail.subject());
          insert.setString(7, mail.text());
          insert.setString(8, mail.html());
          insert.setTimestamp(9, Timestamp.from(clock.instant()));
          return insert;
        },
        key);

    EngineInternals.queue(
        MailSending.TYPE, Long.toString(key.getKey().longValue()), processInstanceId);
    return true;
  }

  /** The addresses of one recipients column. */
  static List<String> addresses(String column) {
    return column == null || column.isBlank() ? List.of() : List.of(column.split(","));
  }
}
