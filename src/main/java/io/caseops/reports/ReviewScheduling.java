package io.caseops.reports;

import io.caseops.entitlement.PlanEntitlements;
import io.caseops.entitlement.PlanEntitlements.Plan;
import io.caseops.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * ReviewSchedule.bpmn's hourly step: for every account, each review its plan includes (cadences
 * from the Entitlements decision, so a process owner changes them there) whose period has begun and
 * that is not scheduled yet gets its AccountReview process, a task for the account's TAM or CSM.
 * {@code account_review} holds one row per account, kind and period: no account is reviewed twice
 * for one period, however often this runs.
 */
@Component("reviewScheduling")
class ReviewScheduling implements JavaDelegate {

  static final String PROCESS = "AccountReview";

  private static final Logger LOG = LoggerFactory.getLogger(ReviewScheduling.class);

  record Account(
      String id,
      String name,
      String catalogue,
      String plan,
      String technicalAccountManager,
      String customerSuccessManager) {

    String reviewer(ReviewKind kind) {
      return kind == ReviewKind.CASE ? technicalAccountManager : customerSuccessManager;
    }
  }

  private final JdbcTemplate jdbc;
  private final PlanEntitlements plans;
  private final EngineClock clock;

  ReviewScheduling(JdbcTemplate jdbc, PlanEntitlements plans, EngineClock clock) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    schedule(execution.getProcessEngineServices().getRuntimeService());
  }

  /** Schedules the reviews due today that are not scheduled yet; returns how many. */
  int schedule(RuntimeService runtime) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    Set<String> current = currentReviews(now);
    int scheduled = 0;
    for (Account account : accounts()) {
      Plan plan = plans.of(account.catalogue(), account.plan()).orElse(null);
      if (plan == null) {
        continue;
      }
      for (ReviewKind kind : ReviewKind.values()) {
        String cadence = kind.cadenceOf(plan);
        if (cadence == null || !ReviewPeriod.heldOn(cadence, today)) {
          continue;
        }
        ReviewPeriod period = ReviewPeriod.containing(cadence, today);
        if (!current.contains(key(account.id(), kind, period))) {
          start(runtime, account, kind, period, now);
          scheduled++;
        }
      }
    }
    if (scheduled > 0) {
      LOG.info("Scheduled {} account reviews", scheduled);
    }
    return scheduled;
  }

  private void start(
      RuntimeService runtime, Account account, ReviewKind kind, ReviewPeriod period, Instant now) {
    String reviewer = account.reviewer(kind);
    String instance =
        runtime
            .createProcessInstanceByKey(PROCESS)
            .businessKey(key(account.id(), kind, period))
            .setVariable(ReviewVariables.ACCOUNT_ID, account.id())
            .setVariable(ReviewVariables.REVIEW_KIND, kind.value())
            .setVariable(ReviewVariables.REVIEW_PERIOD, period.name())
            .setVariable(
                ReviewVariables.REVIEW_TITLE,
                kind.title() + ": " + account.name() + ", " + period.name())
            .setVariable(ReviewVariables.REVIEWER, reviewer)
            .setVariable(ReviewVariables.REVIEWER_GROUP, kind.reviewerGroup)
            .setVariable(ReviewVariables.PERIOD_END, Date.from(period.endInstant()))
            .execute()
            .getId();
    jdbc.update(
        "insert into account_review (account_id, kind, period, period_start, period_end, reviewer,"
            + " process_instance_id, scheduled_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        account.id(),
        kind.value(),
        period.name(),
        Timestamp.from(period.startInstant()),
        Timestamp.from(period.endInstant()),
        reviewer,
        instance,
        Timestamp.from(now));
  }

  /** The reviews of the periods not over yet, in one query: "account/kind/period". */
  private Set<String> currentReviews(Instant now) {
    return new HashSet<>(
        jdbc.queryForList(
            "select account_id || '/' || kind || '/' || period from account_review"
                + " where period_end > ?",
            String.class,
            Timestamp.from(now)));
  }

  /** A review's business key: "initech/business/2026". */
  private static String key(String accountId, ReviewKind kind, ReviewPeriod period) {
    return accountId + "/" + kind.value() + "/" + period.name();
  }

  private List<Account> accounts() {
    return jdbc.query(
        "select id, name, catalogue, plan, technical_account_manager, customer_success_manager"
            + " from account order by id",
        (rs, i) ->
            new Account(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
  }
}
