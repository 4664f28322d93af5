package io.caseops.reports;

import io.caseops.entitlement.PlanEntitlements;
import io.caseops.entitlement.PlanEntitlements.Plan;
import io.caseops.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * that is not scheduled yet gets its AccountReview process, a task for the account's TAM or CSM;
 * daily case reviews only on the days {@link CaseReviewDays} gives. {@code account_review} holds
 * one row per account, kind and period: no account is reviewed twice for one period, however often
 * this runs.
 */
@Component("reviewScheduling")
class ReviewScheduling implements JavaDelegate {

  static final String PROCESS = "AccountReview";
  static final String DAILY = "P1D";

  private static final Logger LOG = LoggerFactory.getLogger(ReviewScheduling.class);

  record Account(
      String id,
      String name,
      String catalogue,
      String plan,
      String technicalAccountManager,
      String customerSuccessManager,
      String region,
      String reviewRegion) {

    String reviewer(ReviewKind kind) {
      return kind == ReviewKind.CASE ? technicalAccountManager : customerSuccessManager;
    }
  }

  private final JdbcTemplate jdbc;
  private final PlanEntitlements plans;
  private final EngineClock clock;
  private final CaseReviewDays dailyReviews;

  ReviewScheduling(
      JdbcTemplate jdbc, PlanEntitlements plans, EngineClock clock, CaseReviewDays dailyReviews) {
    this.jdbc = jdbc;
    this.plans = plans;
    this.clock = clock;
    this.dailyReviews = dailyReviews;
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
        if (cadence == null) {
          continue;
        }
        // Daily reviews live in the account's calendar; every longer period is a UTC one.
        CaseReviewDays.Calendar calendar =
            DAILY.equals(cadence)
                ? dailyReviews.calendarOf(account)
                : CaseReviewDays.Calendar.UTC_WEEKDAYS;
        LocalDate day = DAILY.equals(cadence) ? calendar.today(now) : today;
        ReviewPeriod period = ReviewPeriod.containing(cadence, day);
        if (!current.contains(key(account.id(), kind, period))
            && (!DAILY.equals(cadence) || dailyReviews.heldOn(account, calendar, day))) {
          start(runtime, account, kind, period, calendar.zone(), now);
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
      RuntimeService runtime,
      Account account,
      ReviewKind kind,
      ReviewPeriod period,
      ZoneId zone,
      Instant now) {
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
            .setVariable(ReviewVariables.PERIOD_END, Date.from(period.endIn(zone)))
            .execute()
            .getId();
    jdbc.update(
        "insert into account_review (account_id, kind, period, period_start, period_end, reviewer,"
            + " process_instance_id, scheduled_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        account.id(),
        kind.value(),
        period.name(),
        Timestamp.from(period.startIn(zone)),
        Timestamp.from(period.endIn(zone)),
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
        "select id, name, catalogue, plan, technical_account_manager, customer_success_manager,"
            + " region, review_region from account order by id",
        (rs, i) ->
            new Account(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8)));
  }
}
