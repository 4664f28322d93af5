package io.caseops.entitlement;

import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import io.caseops.system.PureDecisions;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.DateRange;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.UnprocessableException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracks the hours consumed of the time-boxed premium services against the {@code
 * ServiceAllowances} decision. Periods are calendar periods: "P1Y" is the calendar year and "P3M"
 * the calendar quarter of the day the service was given; no period means once for the life of the
 * account.
 */
@Api
@Service
public class ServiceAllowanceLedger {

  public static final String DECISION = "ServiceAllowances";
  static final BigDecimal MAX_HOURS_PER_ENTRY = new BigDecimal("24");

  /**
   * One allowance of a plan; {@code hours}, {@code maxSessions} and {@code maxHoursPerSession} are
   * null where there is no cap. Sessions are counted per {@code sessionPeriod}, or per {@code
   * period} when it is null (DR planning: once a quarter, within 8 hours a year).
   */
  @Api
  public record Allowance(
      String benefit,
      Double hours,
      String period,
      Integer maxSessions,
      String note,
      Double maxHoursPerSession,
      String sessionPeriod) {

    String sessionsCountedPer() {
      return sessionPeriod != null ? sessionPeriod : period;
    }
  }

  /** An allowance and what is used of it in the period that contains {@code on}. */
  @Api
  public record Balance(
      String benefit,
      String note,
      String period,
      LocalDate periodStart,
      LocalDate periodEnd,
      Double allowedHours,
      BigDecimal usedHours,
      Double remainingHours,
      Integer maxSessions,
      int sessions,
      Double maxHoursPerSession,
      String sessionPeriod) {}

  /** A recorded use. */
  @Api
  public record Usage(
      long id,
      String accountId,
      String benefit,
      LocalDate usedOn,
      BigDecimal hours,
      String note,
      String recordedBy) {}

  /** A recorded use and the balance it leaves, read in the same transaction. */
  @Api
  public record Recorded(Usage usage, Balance balance) {}

  private final ServiceUsageRepository usage;
  private final AccountRepository accounts;
  private final PureDecisions decisions;
  private final RepositoryService repository;
  private final EngineClock clock;

  ServiceAllowanceLedger(
      ServiceUsageRepository usage,
      AccountRepository accounts,
      PureDecisions decisions,
      RepositoryService repository,
      EngineClock clock) {
    this.usage = usage;
    this.accounts = accounts;
    this.decisions = decisions;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Records a use, or refuses it (422) when it would go beyond the plan's allowance. The balance is
   * read in the same transaction, so that an answer never fails after the hours were recorded (a
   * client's retry would count them twice).
   */
  @Transactional
  public Recorded record(
      String accountId,
      String benefit,
      LocalDate usedOn,
      BigDecimal hours,
      String note,
      String recordedBy) {
    List<BadRequestException.Problem> problems = new ArrayList<>();
    if (benefit == null || benefit.isBlank()) {
      problems.add(new BadRequestException.Problem("benefit", "is required"));
    }
    if (usedOn == null) {
      problems.add(
          new BadRequestException.Problem("usedOn", "is required (ISO date, e.g. 2026-11-20)"));
    } else if (!DateRange.within(usedOn)) {
      problems.add(new BadRequestException.Problem("usedOn", DateRange.RULE + ", got " + usedOn));
    } else if (usedOn.isAfter(LocalDate.now(clock))) {
      problems.add(
          new BadRequestException.Problem(
              "usedOn", "must not be in the future: record a service once given"));
    }
    if (hours == null
        || hours.signum() <= 0
        || hours.compareTo(MAX_HOURS_PER_ENTRY) > 0
        || hours.scale() > 2) {
      problems.add(
          new BadRequestException.Problem(
              "hours",
              "must be more than 0 and at most "
                  + MAX_HOURS_PER_ENTRY
                  + ", with at most two decimals"));
    }
    if (note != null && note.length() > 500) {
      problems.add(new BadRequestException.Problem("note", "must be at most 500 characters"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    AccountRepository.Account account = lockedAccount(accountId);
    Allowance allowance =
        allowance(account.plan(), benefit)
            .orElseThrow(
                () ->
                    new UnprocessableException(
                        "benefit",
                        "the "
                            + account.plan()
                            + " plan does not include '"
                            + benefit
                            + "'; it includes "
                            + benefits(account.plan())));
    Balance balance = balance(account.id(), allowance, usedOn);
    if (allowance.maxHoursPerSession() != null
        && hours.doubleValue() > allowance.maxHoursPerSession()) {
      throw new UnprocessableException(
          "hours",
          "the "
              + account.plan()
              + " plan allows sessions of at most "
              + allowance.maxHoursPerSession()
              + " h of "
              + benefit
              + ", not "
              + hours
              + " h ("
              + allowance.note()
              + ")");
    }
    if (allowance.maxSessions() != null) {
      AllowancePeriod sessions = AllowancePeriod.containing(allowance.sessionsCountedPer(), usedOn);
      int held = usage.used(account.id(), benefit, sessions.start(), sessions.lastDay()).sessions();
      if (held >= allowance.maxSessions()) {
        throw new UnprocessableException(
            "benefit",
            "the "
                + account.plan()
                + " plan allows "
                + allowance.maxSessions()
                + (allowance.maxSessions() == 1 ? " session" : " sessions")
                + " of "
                + benefit
                + (sessions.end() == null
                    ? " in all"
                    : " from " + sessions.start() + " to " + sessions.end())
                + ", and "
                + held
                + " "
                + (held == 1 ? "is" : "are")
                + " recorded ("
                + allowance.note()
                + ")");
      }
    }
    if (allowance.hours() != null
        && balance.usedHours().add(hours).doubleValue() > allowance.hours()) {
      throw new UnprocessableException(
          "hours",
          "the "
              + account.plan()
              + " plan allows "
              + allowance.hours()
              + " h of "
              + benefit
              + " from "
              + balance.periodStart()
              + " to "
              + balance.periodEnd()
              + "; "
              + balance.usedHours()
              + " h are used, so "
              + balance.remainingHours()
              + " h remain, not "
              + hours
              + " ("
              + allowance.note()
              + ")");
    }
    long id = usage.insert(account.id(), benefit, usedOn, hours, note, recordedBy, clock.instant());
    return new Recorded(
        new Usage(id, account.id(), benefit, usedOn, hours, note, recordedBy),
        balance(account.id(), allowance, usedOn));
  }

  /**
   * Every allowance of the account's plan, with what is used of it in the periods that contain
   * {@code on}.
   */
  @Transactional(readOnly = true)
  public List<Balance> balances(String accountId, LocalDate on) {
    AccountRepository.Account account =
        accounts.find(accountId).orElseThrow(() -> unknownAccount(accountId));
    return benefits(account.plan()).stream()
        .map(benefit -> balance(account.id(), allowance(account.plan(), benefit).orElseThrow(), on))
        .toList();
  }

  /** The allowance of a plan for a benefit; empty when the plan does not include it. */
  public Optional<Allowance> allowance(String plan, String benefit) {
    DmnDecisionResultEntries result =
        decisions.evaluate(DECISION, Map.of("plan", plan, "benefit", benefit)).getFirstResult();
    return Optional.ofNullable(result)
        .map(
            entries ->
                new Allowance(
                    benefit,
                    entries.get("hours") == null
                        ? null
                        : ((Number) entries.get("hours")).doubleValue(),
                    (String) entries.get("period"),
                    entries.get("maxSessions") == null
                        ? null
                        : ((Number) entries.get("maxSessions")).intValue(),
                    (String) entries.get("note"),
                    entries.get("maxHoursPerSession") == null
                        ? null
                        : ((Number) entries.get("maxHoursPerSession")).doubleValue(),
                    (String) entries.get("sessionPeriod")));
  }

  /**
   * The benefits the deployed decision lists for a plan, read from its rows, so that a row a
   * process owner adds is tracked without a code change.
   */
  public List<String> benefits(String plan) {
    DecisionDefinition definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(DECISION)
            .latestVersion()
            .singleResult();
    DecisionTable table =
        repository
            .getDmnModelInstance(definition.getId())
            .getModelElementsByType(DecisionTable.class)
            .iterator()
            .next();
    Set<String> benefits = new LinkedHashSet<>();
    for (Rule rule : table.getRules()) {
      List<String> entries =
          rule.getInputEntries().stream()
              .map(entry -> unquote(entry.getText().getTextContent()))
              .toList();
      if (entries.get(0).equals(plan)) {
        benefits.add(entries.get(1));
      }
    }
    return List.copyOf(benefits);
  }

  /** The hours used in the allowance's period, and the sessions held in the session period. */
  private Balance balance(String accountId, Allowance allowance, LocalDate on) {
    AllowancePeriod period = AllowancePeriod.containing(allowance.period(), on);
    ServiceUsageRepository.Used used =
        usage.used(accountId, allowance.benefit(), period.start(), period.lastDay());
    AllowancePeriod sessionPeriod = AllowancePeriod.containing(allowance.sessionsCountedPer(), on);
    int sessions =
        usage
            .used(accountId, allowance.benefit(), sessionPeriod.start(), sessionPeriod.lastDay())
            .sessions();
    Double remaining =
        allowance.hours() == null
            ? null
            : Math.max(0, allowance.hours() - used.hours().doubleValue());
    return new Balance(
        allowance.benefit(),
        allowance.note(),
        allowance.period(),
        allowance.period() == null ? null : period.start(),
        period.end(),
        allowance.hours(),
        used.hours(),
        remaining,
        allowance.maxSessions(),
        sessions,
        allowance.maxHoursPerSession(),
        allowance.sessionsCountedPer());
  }

  /** Locks the account row, so that two uses recorded at once cannot both take the last hours. */
  private AccountRepository.Account lockedAccount(String accountId) {
    AccountRepository.Account account =
        accounts.find(accountId).orElseThrow(() -> unknownAccount(accountId));
    accounts.lock(accountId);
    return account;
  }

  static NotFoundException unknownAccount(String accountId) {
    return new NotFoundException("'" + accountId + "' is not a CaseOps account");
  }

  private static String unquote(String text) {
    String trimmed = text.trim();
    return trimmed.startsWith("\"") && trimmed.endsWith("\"")
        ? trimmed.substring(1, trimmed.length() - 1)
        : trimmed;
  }
}
