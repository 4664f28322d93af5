package io.caseops.reports;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reviews from a clean slate for the review tests: no review instance, record or case-review hours
 * left from another test in the shared context; the hourly ReviewSchedule timer run at a chosen
 * instant.
 */
record ReviewFixture(JdbcTemplate jdbc, RuntimeService runtime, ManagementService management) {

  void noReviewsYet() {
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey("AccountReview")
        .list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test set-up"));
    jdbc.update("delete from account_review");
    jdbc.update("delete from service_usage where benefit = 'case-review'");
    jdbc.update("delete from mail_outbox where event = 'review-summary'");
  }

  /** Moves the engine clock to {@code instant} and runs the schedule's timer job there. */
  void scheduleAt(String instant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    management.executeJob(
        management
            .createJobQuery()
            .processDefinitionKey("ReviewSchedule")
            .timers()
            .singleResult()
            .getId());
  }
}
