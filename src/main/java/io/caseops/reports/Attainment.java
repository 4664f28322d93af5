package io.caseops.reports;

import io.caseops.cases.FirstResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Initial-response SLA attainment (SUPPORT-PLANS.md §3): of the cases with a target, those answered
 * at or before their due instant, over those answered or open past it. Cases without a target are
 * listed but never counted; open cases not yet due are pending. Pure: the rows, the period and
 * "now" come in, the figures go out.
 */
final class Attainment {

  private Attainment() {}

  /** One case as the report sees it. {@code dueAt} is the one the response was measured against. */
  record CaseRow(
      String caseNumber,
      String catalogue,
      String plan,
      String accountId,
      String accountName,
      String region,
      String team,
      Integer severity,
      boolean hasTarget,
      Instant dueAt,
      Instant respondedAt,
      Boolean met,
      Instant submittedAt,
      Instant closedAt) {

    FirstResponse outcome(Instant now) {
      return FirstResponse.of(hasTarget ? dueAt : null, respondedAt, met, closedAt, now);
    }

    /** How late the first response was (or is, for an open case past its due instant). */
    Duration lateBy(Instant now) {
      Instant answered = respondedAt != null ? respondedAt : now;
      return dueAt == null || !answered.isAfter(dueAt)
          ? Duration.ZERO
          : Duration.between(dueAt, answered);
    }
  }

  /** What the report groups by. */
  enum GroupBy {
    CATALOGUE(CaseRow::catalogue),
    PLAN(CaseRow::plan),
    ACCOUNT(CaseRow::accountId),
    REGION(row -> row.catalogue() + "/" + row.region()),
    TEAM(CaseRow::team),
    SEVERITY(row -> row.severity() == null ? "none" : "Sev " + row.severity());

    private final Function<CaseRow, String> key;

    GroupBy(Function<CaseRow, String> key) {
      this.key = key;
    }

    String keyOf(CaseRow row) {
      return String.valueOf(key.apply(row));
    }

    static Optional<GroupBy> of(String name) {
      for (GroupBy groupBy : values()) {
        if (groupBy.name().equalsIgnoreCase(name)) {
          return Optional.of(groupBy);
        }
      }
      return Optional.empty();
    }
  }

  /** Where the period ends at the pace so far: as many cases per day, the same share missed. */
  record Projection(int cases, int misses, Double attainment, Boolean belowGoal) {}

  /**
   * One group's figures. {@code goal} is the Entitlements decision's {@code attainmentGoal} of the
   * group's plan, null when its cases span several plans (or the plan has no goal); {@code
   * budgetLeft}: how many more misses the period can take before the attainment falls below it.
   */
  record Group(
      String key,
      String catalogue,
      String plan,
      Double goal,
      int cases,
      int met,
      int missed,
      int pending,
      int noTarget,
      int closedUnanswered,
      Double attainment,
      Integer budgetLeft,
      Projection projection) {

    int counted() {
      return met + missed;
    }
  }

  /**
   * The groups of these rows, in the order of their keys. {@code goals} gives a plan's goal
   * (catalogue, plan), or null.
   */
  static List<Group> groups(
      List<CaseRow> rows,
      GroupBy groupBy,
      ReportPeriod period,
      Instant now,
      BiFunction<String, String, Double> goals) {
    Map<String, List<CaseRow>> byKey = new LinkedHashMap<>();
    rows.stream()
        .sorted((a, b) -> groupBy.keyOf(a).compareTo(groupBy.keyOf(b)))
        .forEach(row -> byKey.computeIfAbsent(groupBy.keyOf(row), k -> new ArrayList<>()).add(row));
    List<Group> groups = new ArrayList<>();
    byKey.forEach((key, members) -> groups.add(group(key, members, period, now, goals)));
    return groups;
  }

  /** A plan without a case in the period: its goal, and nothing counted. */
  static Group none(String catalogue, String plan, Double goal, ReportPeriod period, Instant now) {
    return new Group(
        plan,
        catalogue,
        plan,
        goal,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        goal == null || goal <= 0 ? null : budgetLeft(0, 0, goal),
        projection(0, 0, 0, goal, period, now));
  }

  private static Group group(
      String key,
      List<CaseRow> members,
      ReportPeriod period,
      Instant now,
      BiFunction<String, String, Double> goals) {
    int[] counts = new int[FirstResponse.values().length];
    members.forEach(row -> counts[row.outcome(now).ordinal()]++);
    int met = counts[FirstResponse.MET.ordinal()];
    int missed = counts[FirstResponse.MISSED.ordinal()];
    int pending = counts[FirstResponse.PENDING.ordinal()];
    String catalogue = only(members, CaseRow::catalogue);
    String plan = only(members, CaseRow::plan);
    Double goal = catalogue != null && plan != null ? goals.apply(catalogue, plan) : null;
    Double attainment = met + missed == 0 ? null : (double) met / (met + missed);
    Integer budget = goal == null || goal <= 0 ? null : budgetLeft(met, missed, goal);
    return new Group(
        key,
        catalogue,
        plan,
        goal,
        members.size(),
        met,
        missed,
        pending,
        counts[FirstResponse.NO_TARGET.ordinal()],
        counts[FirstResponse.CLOSED_UNANSWERED.ordinal()],
        attainment,
        budget,
        projection(met, missed, pending, goal, period, now));
  }

  /**
   * The most further misses x with met / (met + missed + x) still at or above the goal: none once
   * the goal is missed already.
   */
  static int budgetLeft(int met, int missed, double goal) {
    // A hair of tolerance: 0.9 is not exactly nine tenths in binary.
    return Math.max(0, (int) Math.floor(met / goal - met - missed + 1e-9));
  }

  private static Projection projection(
      int met, int missed, int pending, Double goal, ReportPeriod period, Instant now) {
    double share = period.elapsedShare(now);
    if (share <= 0) {
      return new Projection(0, 0, null, null);
    }
    int cases = (int) Math.round((met + missed + pending) / share);
    Double missRate = met + missed == 0 ? null : (double) missed / (met + missed);
    int misses = missRate == null ? 0 : (int) Math.round(cases * missRate);
    Double attainment = missRate == null ? null : 1 - missRate;
    Boolean below = goal == null || attainment == null ? null : attainment + 1e-9 < goal;
    return new Projection(cases, misses, attainment, below);
  }

  /** The value all the rows share, or null. */
  private static String only(List<CaseRow> rows, Function<CaseRow, String> value) {
    String first = value.apply(rows.get(0));
    return rows.stream().allMatch(row -> java.util.Objects.equals(value.apply(row), first))
        ? first
        : null;
  }
}
