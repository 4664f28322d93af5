package io.caseops.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseops.mail}: the sender address; the retry cycle of a mail that the SMTP server does not
 * take (Camunda's {@code failedJobRetryTimeCycle} syntax: a repeat count and an interval, or a list
 * of intervals; when the retries run out, the send job gets an incident in Cockpit, and retrying it
 * there sends the mail); and the staff fallback address, which gets a staff alert (SLA warning or
 * breach, critical situation, a customer's message) that has no other recipient, because no one it
 * is meant for has an e-mail address. Empty: the sender's own address. Sent mails stay in the
 * outbox for {@code keep-sent}, then Housekeeping.bpmn purges them.
 */
@ConfigurationProperties("caseops.mail")
record MailProperties(
    @DefaultValue("CaseOps Support <support@caseops.example>") String from,
    @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H,PT12H") String retryCycle,
    @DefaultValue("") String staffFallback,
    @DefaultValue("P30D") Duration keepSent) {

  /** Where a staff alert goes when none of its recipients has an address. */
  public String staffFallbackAddress() {
    return staffFallback != null && !staffFallback.isBlank()
        ? staffFallback.strip()
        : senderAddress();
  }

  /** The bare address of {@link #from}, e.g. support@caseops.example. */
  public String senderAddress() {
    try {
      return new InternetAddress(from).getAddress();
    } catch (AddressException e) {
      throw new IllegalStateException("caseops.mail.from '" + from + "' is no e-mail address", e);
    }
  }
}
