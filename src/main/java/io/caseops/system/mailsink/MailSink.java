package io.caseops.system.mailsink;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The "try it" mode's mail server: an in-process SMTP server (GreenMail) that keeps every mail the
 * service sends, so that a newcomer sees them at {@code /dev/mail} without installing anything. It
 * delivers nothing onwards. On only where {@code caseops.mail.sink.enabled=true} (the demo
 * profile); never use it in production.
 */
@Component
@ConditionalOnProperty(name = "caseops.mail.sink.enabled", havingValue = "true")
public class MailSink implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailSink.class);

  private final GreenMail server;
  private final int port;

  public MailSink(@Value("${caseops.mail.sink.port:2525}") int port) {
    this.port = port;
    this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** A received mail, as the page shows it. */
  public record ReceivedMail(
      Instant receivedAt, String from, List<String> to, String subject, String text) {}

  /**
   * Every mail received since start-up, newest first, once each (GreenMail keeps a copy per
   * recipient).
   */
  public List<ReceivedMail> received() {
    Set<String> seen = new HashSet<>();
    return Arrays.stream(server.getReceivedMessages())
        .filter(message -> seen.add(messageId(message)))
        .map(MailSink::toReceivedMail)
        .sorted(Comparator.comparing(ReceivedMail::receivedAt).reversed())
        .toList();
  }

  @Override
  public void start() {
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The demo mail sink cannot listen on 127.0.0.1:"
              + port
              + " (is another CaseOps running?). Set caseops.mail.sink.port to a free port.",
          e);
    }
    LOG.info("Demo mail sink: SMTP on 127.0.0.1:{}; every mail sent shows at /dev/mail", port);
  }

  @Override
  public void stop() {
    server.stop();
  }

  @Override
  public boolean isRunning() {
    return server.isRunning();
  }

  /** Start before the engine and its job executor, which may send mail as soon as they run. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID() != null
          ? message.getMessageID()
          : String.valueOf(System.identityHashCode(message));
    } catch (MessagingException e) {
      return String.valueOf(System.identityHashCode(message));
    }
  }

  private static ReceivedMail toReceivedMail(MimeMessage message) {
    try {
      Instant received =
          message.getReceivedDate() != null
              ? message.getReceivedDate().toInstant()
              : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
      String from =
          message.getFrom() == null
              ? ""
              : Arrays.stream(message.getFrom())
                  .map(Object::toString)
                  .collect(Collectors.joining(", "));
      // All recipients (To, Cc, Bcc): CC'd contacts must show in the demo inbox too.
      List<String> to =
          message.getAllRecipients() == null
              ? List.of()
              : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
      return new ReceivedMail(received, from, to, message.getSubject(), plainText(message));
    } catch (MessagingException | IOException e) {
      return new ReceivedMail(
          Instant.EPOCH, "", List.of(), "(unreadable message: " + e.getMessage() + ")", "");
    }
  }

  /** The text/plain part if there is one, else the first part's text. */
  static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String fallback = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        String text = plainText(body);
        if (body.isMimeType("text/plain") || (body.isMimeType("multipart/*") && !text.isEmpty())) {
          return text;
        }
        if (fallback == null) {
          fallback = text;
        }
      }
      return fallback == null ? "" : fallback;
    }
    Object content = part.getContent();
    return content instanceof String text ? text : "";
  }
}
