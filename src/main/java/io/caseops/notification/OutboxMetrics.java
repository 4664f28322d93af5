package io.caseops.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two gauges for alerting on mail (at /actuator/prometheus): mails queued and not yet sent, and
 * mail jobs whose retries ran out. The second also shows as incidents in Cockpit while the case's
 * process runs.
 */
@Component
class OutboxMetrics {

  OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
    Gauge.builder(
            "caseops.mail.outbox.unsent",
            () -> count(jdbc, "select count(*) from mail_outbox where sent_at is null"))
        .description("Mails queued in the outbox and not sent yet")
        .register(registry);
    Gauge.builder(
            "caseops.mail.failed",
            () ->
                count(
                    jdbc,
                    "select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = '"
                        + MailSending.TYPE
                        + "' and RETRIES_ = 0"))
        .description(
            "Mails whose send job ran out of retries (retry the job in Cockpit or the REST API)")
        .register(registry);
  }

  private static double count(JdbcTemplate jdbc, String sql) {
    Integer count = jdbc.queryForObject(sql, Integer.class);
    return count == null ? 0 : count;
  }
}
