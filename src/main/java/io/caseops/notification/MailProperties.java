package io.caseops.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseops.mail}: the sender address, and the retry cycle of a mail that the SMTP server does not take (Camunda's
 * {@code failedJobRetryTimeCycle} syntax: a repeat count and an interval, or a list of intervals). When the retries run
 * out, the send job gets an incident in Cockpit; retrying it there sends the mail.
 */
@ConfigurationProperties("caseops.mail")
public record MailProperties(@DefaultValue("CaseOps Support <support@caseops.example>") String from,
                             @DefaultValue("PT1M,PT5M,PT15M,PT1H,PT4H,PT12H") String retryCycle) {
}
