package io.caseops.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseops.cases.FirstResponse;
import io.caseops.reports.Attainment.CaseRow;
import io.caseops.reports.Attainment.Group;
import io.caseops.reports.Attainment.GroupBy;
import io.caseops.system.web.BadRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attainment rules on rows with known outcomes: no database, no engine. */
class AttainmentTest {

  static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");
  static final ReportPeriod MARCH = ReportPeriod.of("2025-03", null, null, NOW);

  static CaseRow row(
      String number, String plan, boolean target, String due, String responded, Boolean met) {
    return new CaseRow(
        number,
        "automation-anywhere",
        plan,
        plan + "-account",
        plan + " account",
        "EMEA",
        "team-emea",
        2,
        target,
        due == null ? null : Instant.parse(due),
        responded == null ? null : Instant.parse(responded),
        met,
        Instant.parse("2025-03-02T09:00:00Z"),
        null);
  }

  @Test
  void aResponseExactlyAtTheDueInstantIsMetAndAnOpenCasePastItIsMissed() {
    assertThat(
            row("A", "silver", true, "2025-03-05T12:00:00Z", "2025-03-05T12:00:00Z", true)
                .outcome(NOW))
        .isEqualTo(FirstResponse.MET);
    assertThat(
            row("B", "silver", true, "2025-03-05T12:00:00Z", "2025-03-05T12:00:01Z", false)
                .outcome(NOW))
        .isEqualTo(FirstResponse.MISSED);
    assertThat(row("C", "silver", true, "2025-03-20T11:59:59Z", null, null).outcome(NOW))
        .isEqualTo(FirstResponse.MISSED);
    assertThat(row("D", "silver", true, "2025-03-20T12:00:00Z", null, null).outcome(NOW))
        .as("due this very instant: may still be answered in time")
        .isEqualTo(FirstResponse.PENDING);
    assertThat(row("E", "orange", false, null, null, null).outcome(NOW))
        .isEqualTo(FirstResponse.NO_TARGET);
    CaseRow closedEarly =
        new CaseRow(
            "F",
            "automation-anywhere",
            "silver",
            "x",
            "x",
            "EMEA",
            "team-emea",
            3,
            true,
            Instant.parse("2025-03-10T12:00:00Z"),
            null,
            null,
            Instant.parse("2025-03-10T09:00:00Z"),
            Instant.parse("2025-03-10T10:00:00Z"));
    assertThat(closedEarly.outcome(NOW)).isEqualTo(FirstResponse.CLOSED_UNANSWERED);
  }

  @Test
  void aGroupCountsMetOverMetAndMissedWithItsPlansGoalBudgetAndProjection() {
    List<CaseRow> rows =
        List.of(
            row("S1", "silver", true, "2025-03-05T12:00:00Z", "2025-03-05T12:00:00Z", true),
            row("S2", "silver", true, "2025-03-06T12:00:00Z", "2025-03-06T12:01:00Z", false),
            row("S3", "silver", true, "2025-03-20T11:00:00Z", null, null),
            row("S4", "silver", true, "2025-03-20T13:00:00Z", null, null),
            row("S5", "silver", false, null, null, null),
            row("S6", "silver", true, "2025-03-07T10:00:00Z", "2025-03-07T09:00:00Z", true),
            row("S7", "silver", true, "2025-03-08T10:00:00Z", "2025-03-08T09:00:00Z", true),
            row("S8", "silver", true, "2025-03-09T10:00:00Z", "2025-03-09T09:00:00Z", true),
            row("S9", "silver", true, "2025-03-10T10:00:00Z", "2025-03-10T09:00:00Z", true),
            row("S10", "silver", true, "2025-03-11T10:00:00Z", "2025-03-11T09:00:00Z", true),
            row("G1", "gold", true, "2025-03-11T10:00:00Z", "2025-03-11T09:00:00Z", true));

    List<Group> groups =
        Attainment.groups(
            rows, GroupBy.PLAN, MARCH, NOW, (catalogue, plan) -> plan.equals("gold") ? 0.95 : 0.9);

    assertThat(groups).extracting(Group::key).containsExactly("gold", "silver");
    Group silver = groups.get(1);
    assertThat(silver.cases()).isEqualTo(10);
    assertThat(silver.met()).isEqualTo(6);
    assertThat(silver.missed()).isEqualTo(2);
    assertThat(silver.pending()).isEqualTo(1);
    assertThat(silver.noTarget()).isEqualTo(1);
    assertThat(silver.attainment()).isEqualTo(0.75);
    assertThat(silver.goal()).isEqualTo(0.9);
    assertThat(silver.budgetLeft()).as("below the goal already").isZero();
    // 9 cases with a target in 19.5 of 31 days: 14 by the month's end, a quarter of them missed.
    assertThat(silver.projection().cases()).isEqualTo(14);
    assertThat(silver.projection().misses()).isEqualTo(4);
    assertThat(silver.projection().belowGoal()).isTrue();

    Group mixed = Attainment.groups(rows, GroupBy.CATALOGUE, MARCH, NOW, (c, p) -> 0.9).get(0);
    assertThat(mixed.plan()).isNull();
    assertThat(mixed.goal()).as("several plans: no one goal").isNull();
    assertThat(mixed.met()).isEqualTo(7);
  }

  @Test
  void theBudgetIsTheMissesThePeriodCanStillTake() {
    assertThat(Attainment.budgetLeft(18, 1, 0.9)).isEqualTo(1);
    assertThat(Attainment.budgetLeft(9, 1, 0.9)).isZero();
    assertThat(Attainment.budgetLeft(95, 0, 0.95)).isEqualTo(5);
    assertThat(Attainment.budgetLeft(6, 2, 0.5)).isEqualTo(4);
    assertThat(Attainment.budgetLeft(0, 3, 0.9)).isZero();
  }

  @Test
  void periodsAreMonthsQuartersOrDaysAndBadOnesNameTheirField() {
    ReportPeriod q4 = ReportPeriod.of("2026-Q4", null, null, NOW);
    assertThat(q4.start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(q4.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(ReportPeriod.of(null, null, null, NOW).name()).isEqualTo("2025-03");
    ReportPeriod days = ReportPeriod.of(null, "2025-03-01", "2025-03-01", NOW);
    assertThat(days.end()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
    assertThat(MARCH.elapsedShare(NOW)).isBetween(0.62, 0.63);

    assertThatThrownBy(() -> ReportPeriod.of("March", null, null, NOW))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("period");
    assertThatThrownBy(() -> ReportPeriod.of(null, "2025-03-05", "2025-03-01", NOW))
        .hasMessageContaining("to: must be on or after from");
    assertThatThrownBy(() -> ReportPeriod.of(null, "2025-03-05", null, NOW))
        .hasMessageContaining("to: is required");
    assertThatThrownBy(() -> ReportPeriod.of("2025-03", "2025-03-05", "2025-03-06", NOW))
        .hasMessageContaining("period: give either");
  }

  @Test
  void csvCellsAreQuotedAndFormulasMadeText() {
    assertThat(ReportController.cell("Stark, Inc")).isEqualTo("\"Stark, Inc\"");
    assertThat(ReportController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(ReportController.cell(-3)).isEqualTo("-3");
    assertThat(ReportController.cell(null)).isEmpty();
    assertThat(ReportController.cell("\t=1+1")).isEqualTo("\"'\t=1+1\"");
    assertThat(ReportController.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    assertThat(ReportController.cell("a\n\nb")).as("quoted across lines").isEqualTo("\"a\n\nb\"");
  }
}
