package io.caseops.notification;

import io.caseops.system.EngineClock;
import io.caseops.system.EngineInternals;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The job that sends one outbox row. A row already sent is skipped, so a retried job never sends
 * twice. A failure to send rolls the job back, and the next attempt follows {@code
 * caseops.mail.retry-cycle}.
 *
 * <p>Delivery is at least once: if the SMTP server took the mail but the job's transaction then
 * failed to commit (crash, database restart), the job runs again and sends it again. Every attempt
 * carries the same {@code Message-ID}, made from the outbox row, so that mail systems and clients
 * can recognise the copy.
 */
@Component
class MailSending implements EngineInternals.BackgroundJob {

  static final String TYPE = "caseops-send-mail";

  static {
    // Jakarta Mail 2.1 looks its StreamProvider up through the ServiceLoader for every body part,
    // scanning the jar each time (jakartaee/mail-api#699): named here, it is loaded by its name.
    System.getProperties()
        .putIfAbsent(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  private final JdbcTemplate jdbc;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final EngineClock clock;

  MailSending(
      JdbcTemplate jdbc, JavaMailSender sender, MailProperties properties, EngineClock clock) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String retryCycle() {
    return properties.retryCycle();
  }

  /** Sends the outbox row whose id is the configuration, unless it was sent already. */
  @Override
  public void run(String configuration) {
    long id = Long.parseLong(configuration);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select recipients, cc, subject, text_body, html_body, sent_at, "
                + "dedupe_key from mail_outbox where id = ?",
            id);
    if (rows.isEmpty() || rows.get(0).get("sent_at") != null) {
      return;
    }
    Map<String, Object> row = rows.get(0);
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(Outbox.addresses((String) row.get("recipients")).toArray(String[]::new));
      String[] cc = Outbox.addresses((String) row.get("cc")).toArray(String[]::new);
      if (cc.length > 0) {
        helper.setCc(cc);
      }
      helper.setSubject((String) row.get("subject"));
      helper.setText((String) row.get("text_body"), (String) row.get("html_body"));
      // JavaMailSenderImpl keeps a Message-ID that is set explicitly, instead of making a new one
      // per attempt.
      message.setHeader("Message-ID", messageId(id, (String) row.get("dedupe_key")));
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("mail " + id + " could not be built: " + e.getMessage(), e);
    }
    jdbc.update(
        "update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?",
        Timestamp.from(clock.instant()),
        id);
  }

  /**
   * The same for every attempt at one outbox row: its id, and a digest of its dedupe key (case,
   * event, sequence).
   */
  String messageId(long id, String dedupeKey) {
    String domain = properties.senderAddress().replaceFirst(".*@", "");
    return "<caseops." + id + "." + Integer.toHexString(dedupeKey.hashCode()) + "@" + domain + ">";
  }
}
