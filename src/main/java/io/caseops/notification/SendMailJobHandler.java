package io.caseops.notification;

import io.caseops.system.EngineClock;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The job that sends one outbox row. A row already sent is skipped, so a retried job never sends twice. A failure to
 * send rolls the job back; {@link MailJobRetries} schedules the next attempt.
 *
 * <p>Delivery is at least once: if the SMTP server took the mail but the job's transaction then failed to commit
 * (crash, database restart), the job runs again and sends it again. Every attempt carries the same {@code Message-ID},
 * made from the outbox row, so that mail systems and clients can recognise the copy.
 */
public class SendMailJobHandler implements JobHandler<SendMailJobHandler.OutboxEntry> {

  public static final String TYPE = "caseops-send-mail";

  /** The job's configuration: the outbox row's id. */
  public record OutboxEntry(long id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return Long.toString(id);
    }
  }

  private final JdbcTemplate jdbc;
  private final JavaMailSender sender;
  private final MailProperties properties;
  private final EngineClock clock;

  SendMailJobHandler(JdbcTemplate jdbc, JavaMailSender sender, MailProperties properties, EngineClock clock) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(OutboxEntry entry, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    List<Map<String, Object>> rows = jdbc.queryForList("select recipients, cc, subject, text_body, html_body, sent_at, "
        + "dedupe_key from mail_outbox where id = ?", entry.id());
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
      // JavaMailSenderImpl keeps a Message-ID that is set explicitly, instead of making a new one per attempt.
      message.setHeader("Message-ID", messageId(entry.id(), (String) row.get("dedupe_key")));
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("mail " + entry.id() + " could not be built: " + e.getMessage(), e);
    }
    jdbc.update("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?",
        Timestamp.from(clock.instant()), entry.id());
  }

  /** The same for every attempt at one outbox row: its id, and a digest of its dedupe key (case, event, sequence). */
  String messageId(long id, String dedupeKey) {
    return "<caseops." + id + "." + Integer.toHexString(dedupeKey.hashCode()) + "@" + properties.senderAddress().replaceFirst(".*@", "")
        + ">";
  }

  @Override
  public OutboxEntry newConfiguration(String canonicalString) {
    return new OutboxEntry(Long.parseLong(canonicalString));
  }

  @Override
  public void onDelete(OutboxEntry configuration, JobEntity jobEntity) {
    // The outbox row stays: it is the record of what was (or was not) sent.
  }
}
