package io.caseops.reports;

import static io.caseops.system.Markdown.escape;

import io.caseops.entitlement.ServiceAllowanceLedger;
import io.caseops.entitlement.ServiceAllowanceLedger.Balance;
import io.caseops.reports.Attainment.Group;
import io.caseops.reports.AttainmentReport.Miss;
import io.caseops.system.EngineClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating a review's task: its name ("Case review: Umbrella Health, 2026-12") and a task-local
 * {@code briefing} in Markdown for the form's text view, with what the reviewer goes through with
 * the customer: the account's open cases and their SLA state, the period's attainment against the
 * goal, the period's missed cases, and the service hours used and left.
 */
@Component("reviewBriefing")
class ReviewBriefing implements TaskListener {

  static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final AttainmentReport report;
  private final CaseSla sla;
  private final ServiceAllowanceLedger ledger;
  private final EngineClock clock;

  ReviewBriefing(
      AttainmentReport report, CaseSla sla, ServiceAllowanceLedger ledger, EngineClock clock) {
    this.report = report;
    this.sla = sla;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String title = (String) task.getVariable(ReviewVariables.REVIEW_TITLE);
    // Tasklist lists tasks by name: "Case review: Umbrella Health, 2026-12" tells them apart.
    task.setName(title);
    task.setVariableLocal(
        ReviewVariables.BRIEFING,
        briefing(
            title,
            (String) task.getVariable(ReviewVariables.ACCOUNT_ID),
            ReviewKind.of((String) task.getVariable(ReviewVariables.REVIEW_KIND)),
            (String) task.getVariable(ReviewVariables.REVIEW_PERIOD)));
  }

  String briefing(String title, String accountId, ReviewKind kind, String periodName) {
    Instant now = clock.instant();
    // A case review reports its month so far; a business review its own period.
    ReportPeriod period = ReviewPeriod.named(periodName).attainmentPeriod(now);
    StringBuilder out = new StringBuilder();
    out.append("### ").append(escape(title)).append("\n\n");

    Group group = report.account(period, accountId).orElse(null);
    out.append("**SLA attainment, ").append(period.name()).append(":** ");
    if (group == null || group.counted() == 0) {
      out.append("no answered or overdue case with a target yet.\n\n");
    } else {
      out.append(percent(group.attainment()))
          .append(group.goal() == null ? "" : " against a goal of " + percent(group.goal()))
          .append(" · ")
          .append(group.met())
          .append(" met, ")
          .append(group.missed())
          .append(" missed, ")
          .append(group.pending())
          .append(" pending");
      if (group.budgetLeft() != null) {
        out.append(" · ").append(group.budgetLeft()).append(" more misses possible");
      }
      if (group.projection().attainment() != null) {
        out.append(" · projected ").append(percent(group.projection().attainment()));
      }
      out.append("\n\n");
    }

    List<CaseSla.View> open = sla.openCases(accountId);
    out.append("**Open cases (").append(open.size()).append(")**\n\n");
    for (CaseSla.View kase : open) {
      out.append("- ")
          .append(kase.caseNumber())
          .append(" · Sev ")
          .append(kase.severity())
          .append(" · ")
          .append(escape(kase.status()))
          .append(" · ")
          .append(slaState(kase))
          .append('\n');
    }
    out.append(open.isEmpty() ? "None.\n\n" : "\n");

    List<Miss> misses = report.misses(period, accountId);
    out.append("**Missed first responses, ")
        .append(period.name())
        .append(" (")
        .append(misses.size())
        .append(")**\n\n");
    for (Miss miss : misses) {
      out.append("- ")
          .append(miss.caseNumber())
          .append(" · Sev ")
          .append(miss.severity())
          .append(" · due ")
          .append(UTC.format(miss.dueAt()))
          .append(" · ")
          .append(
              miss.respondedAt() == null
                  ? "still unanswered"
                  : "answered " + UTC.format(miss.respondedAt()))
          .append(" · ")
          .append(miss.minutesLate())
          .append(" min late\n");
    }
    out.append(misses.isEmpty() ? "None.\n\n" : "\n");

    List<Balance> balances = ledger.balances(accountId, LocalDate.ofInstant(now, ZoneOffset.UTC));
    out.append("**Service hours**\n\n");
    for (Balance balance : balances) {
      out.append("- ")
          .append(balance.benefit())
          .append(": ")
          .append(balance.usedHours().stripTrailingZeros().toPlainString())
          .append(" h used")
          .append(
              balance.remainingHours() == null
                  ? ""
                  : ", " + hours(balance.remainingHours()) + " h left")
          .append(
              balance.periodEnd() == null
                  ? ""
                  : " (" + balance.periodStart() + " to " + balance.periodEnd() + ")")
          .append('\n');
    }
    out.append(balances.isEmpty() ? "The plan includes no time-boxed service.\n" : "");
    if (kind.countsHours()) {
      out.append("\nThe hours you record for this review count against the case-review hours.\n");
    }
    return out.toString();
  }

  private static String slaState(CaseSla.View kase) {
    return switch (kase.outcome()) {
      case MET -> "first response met";
      case MISSED ->
          kase.respondedAt() == null
              ? "**breached**, " + kase.minutesLate() + " min late, unanswered"
              : "first response missed by " + kase.minutesLate() + " min";
      case PENDING ->
          (kase.atRisk() ? "**at risk**, " : "") + "first response due " + UTC.format(kase.dueAt());
      case NO_TARGET -> "no response target";
      case CLOSED_UNANSWERED -> "closed unanswered";
    };
  }

  private static String percent(Double share) {
    return share == null ? "–" : String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static String hours(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
