package io.caseops.notification;

import io.caseops.system.EngineClock;
import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Housekeeping.bpmn's nightly step: deletes sent mails older than {@code caseops.mail.keep-sent}
 * from the outbox, and the job log of finished jobs that belong to no execution (the mail send
 * jobs) older than that, with their failure stack traces. The engine's history cleanup removes the
 * rest of a case's history, but it goes by removal time, which such a log never gets.
 */
@Component("outboxPurge")
class OutboxPurge implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPurge.class);

  /** Log rows of jobs without execution or removal time, whose job is gone, before a cut-off. */
  private static final String ORPHAN_JOB_LOG =
      " from ACT_HI_JOB_LOG where EXECUTION_ID_ is null and ROOT_PROC_INST_ID_ is null"
          + " and REMOVAL_TIME_ is null and TIMESTAMP_ < ?"
          + " and not exists (select 1 from ACT_RU_JOB j where j.ID_ = ACT_HI_JOB_LOG.JOB_ID_)";

  private final JdbcTemplate jdbc;
  private final MailProperties properties;
  private final EngineClock clock;

  OutboxPurge(JdbcTemplate jdbc, MailProperties properties, EngineClock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.keepSent()));
    int mails = jdbc.update("delete from mail_outbox where sent_at < ?", cutoff);
    // The stack traces first, while the log rows still point at them.
    jdbc.update(
        "delete from ACT_GE_BYTEARRAY where ID_ in (select JOB_EXCEPTION_STACK_ID_"
            + ORPHAN_JOB_LOG
            + ")",
        cutoff);
    int logs = jdbc.update("delete" + ORPHAN_JOB_LOG, cutoff);
    LOG.info(
        "Housekeeping: purged {} mails sent before {} and {} job log entries of their send jobs",
        mails,
        cutoff.toInstant(),
        logs);
  }
}
