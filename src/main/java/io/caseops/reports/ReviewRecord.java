package io.caseops.reports;

import io.caseops.entitlement.ServiceAllowanceLedger;
import io.caseops.system.EngineClock;
import io.caseops.system.EngineInternals;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.RuleException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Completing a review's task: checks the form again in Java (Tasklist's checks can be skipped by a
 * REST client), counts a case review's hours against the plan's case-review hours through the
 * service-hours ledger, and records when it was held, who attended, the notes and the hours. A
 * refusal names the field and the rule and leaves the task open, with nothing recorded.
 */
@Component("reviewRecord")
class ReviewRecord implements TaskListener {

  static final String CASE_REVIEW_BENEFIT = "case-review";
  static final int ATTENDEES_MAX = 1_000;
  static final int NOTES_MAX = 20_000;
  static final BigDecimal HOURS_MAX = new BigDecimal("24");

  /** What the reviewer entered, checked. */
  record Entered(LocalDate heldOn, String attendees, String notes, BigDecimal hours) {}

  private final ServiceAllowanceLedger ledger;
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final EngineClock clock;

  ReviewRecord(
      ServiceAllowanceLedger ledger,
      JdbcTemplate jdbc,
      IdentityService identity,
      EngineClock clock) {
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.identity = identity;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = clock.instant();
    ReviewPeriod period =
        ReviewPeriod.named((String) task.getVariable(ReviewVariables.REVIEW_PERIOD));
    Entered entered =
        entered(
            task.getVariable(ReviewVariables.HELD_ON),
            task.getVariable(ReviewVariables.ATTENDEES),
            task.getVariable(ReviewVariables.NOTES),
            task.getVariable(ReviewVariables.HOURS_SPENT),
            period,
            LocalDate.ofInstant(now, ZoneOffset.UTC));
    String reviewer =
        EngineInternals.currentUserId(identity)
            .orElse(task.getAssignee() != null ? task.getAssignee() : "unknown");
    ReviewKind kind = ReviewKind.of((String) task.getVariable(ReviewVariables.REVIEW_KIND));
    String accountId = (String) task.getVariable(ReviewVariables.ACCOUNT_ID);
    if (kind.countsHours()) {
      try {
        ledger.record(
            accountId,
            CASE_REVIEW_BENEFIT,
            entered.heldOn(),
            entered.hours(),
            (String) task.getVariable(ReviewVariables.REVIEW_TITLE),
            reviewer);
      } catch (RuleException refused) {
        throw new BadUserRequestException(
            ReviewVariables.HOURS_SPENT + ": " + refused.getMessage());
      }
    }
    jdbc.update(
        "update account_review set held_on = ?, attendees = ?, notes = ?, hours = ?,"
            + " completed_by = ?, completed_at = ? where process_instance_id = ?",
        Date.valueOf(entered.heldOn()),
        entered.attendees(),
        entered.notes(),
        entered.hours(),
        reviewer,
        Timestamp.from(now),
        task.getProcessInstanceId());
  }

  /** The form's values, or a refusal naming each bad field and its rule. */
  static Entered entered(
      Object heldOn,
      Object attendees,
      Object notes,
      Object hours,
      ReviewPeriod period,
      LocalDate today) {
    List<BadRequestException.Problem> problems = new ArrayList<>();
    LocalDate day = null;
    String date = text(heldOn);
    if (heldOn instanceof java.util.Date given) {
      day = LocalDate.ofInstant(given.toInstant(), ZoneOffset.UTC);
    } else if (date != null) {
      try {
        // A date, or a date-time of which the day counts.
        day = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
      } catch (DateTimeParseException e) {
        problems.add(problem(ReviewVariables.HELD_ON, "must be a date (2026-12-03)"));
      }
    }
    if (day == null && problems.isEmpty()) {
      problems.add(problem(ReviewVariables.HELD_ON, "is required: the day the review was held"));
    } else if (day != null && day.isAfter(today)) {
      problems.add(
          problem(ReviewVariables.HELD_ON, "must not be in the future: record a review once held"));
    } else if (day != null && day.isBefore(period.start().minusMonths(1))) {
      problems.add(
          problem(
              ReviewVariables.HELD_ON,
              "must be at most a month before the review's period (" + period.name() + ")"));
    }
    String who = text(attendees);
    if (who == null) {
      problems.add(problem(ReviewVariables.ATTENDEES, "is required: who took part"));
    } else if (who.length() > ATTENDEES_MAX) {
      problems.add(
          problem(ReviewVariables.ATTENDEES, "must be at most " + ATTENDEES_MAX + " characters"));
    }
    String said = text(notes);
    if (said == null) {
      problems.add(problem(ReviewVariables.NOTES, "is required: what was reviewed and agreed"));
    } else if (said.length() > NOTES_MAX) {
      problems.add(problem(ReviewVariables.NOTES, "must be at most " + NOTES_MAX + " characters"));
    }
    BigDecimal spent = null;
    try {
      spent = hours == null || hours.toString().isBlank() ? null : new BigDecimal(hours.toString());
    } catch (NumberFormatException e) {
      // reported below
    }
    if (spent == null
        || spent.signum() <= 0
        || spent.compareTo(HOURS_MAX) > 0
        || spent.stripTrailingZeros().scale() > 2) {
      problems.add(
          problem(
              ReviewVariables.HOURS_SPENT,
              "must be more than 0 and at most "
                  + HOURS_MAX
                  + " hours, with at most two decimals"));
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(
          String.join("; ", problems.stream().map(p -> p.field() + " " + p.rule()).toList()));
    }
    return new Entered(day, who, said, spent.stripTrailingZeros());
  }

  private static BadRequestException.Problem problem(String field, String rule) {
    return new BadRequestException.Problem(field, rule);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
