package io.caseops.reports;

import io.caseops.reports.Attainment.Group;
import io.caseops.reports.Attainment.GroupBy;
import io.caseops.reports.AttainmentReport.Figures;
import io.caseops.reports.AttainmentReport.Miss;
import io.caseops.system.EngineClock;
import io.caseops.system.StaffAccess;
import io.caseops.system.StaffApiAuthentication;
import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.StaffAudience;
import io.caseops.system.web.BadRequestException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA attainment for support managers (every account) and technical account managers (their
 * accounts): JSON, or CSV with {@code Accept: text/csv} for spreadsheets. docs/reports.md.
 */
@RestController
@RequestMapping(ReportController.PATH)
class ReportController {

  static final String PATH = StaffApiAuthentication.PATH + "/reports";
  static final String CSV = "text/csv";

  private final AttainmentReport report;
  private final CaseSla sla;
  private final OverdueReviews overdueReviews;
  private final EngineClock clock;

  ReportController(
      AttainmentReport report, CaseSla sla, OverdueReviews overdueReviews, EngineClock clock) {
    this.report = report;
    this.sla = sla;
    this.overdueReviews = overdueReviews;
    this.clock = clock;
  }

  @GetMapping(value = "/attainment", produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  Figures attainment(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "plan") String groupBy) {
    Viewer viewer = Viewer.of(staff);
    return report.everyPlan(period(period, from, to), groupBy(groupBy), viewer);
  }

  @GetMapping(value = "/attainment", produces = CSV)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  ResponseEntity<String> attainmentCsv(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "plan") String groupBy) {
    Figures figures = attainment(staff, period, from, to, groupBy);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "group (" + figures.groupBy() + ")",
            "catalogue",
            "plan",
            "goal %",
            "cases",
            "met",
            "missed",
            "pending",
            "no target",
            "closed unanswered",
            "attainment %",
            "budget left",
            "projected cases",
            "projected misses",
            "projected attainment %",
            "projected below goal"));
    for (Group group : figures.groups()) {
      rows.add(
          Arrays.asList(
              group.key(),
              group.catalogue(),
              group.plan(),
              percent(group.goal()),
              group.cases(),
              group.met(),
              group.missed(),
              group.pending(),
              group.noTarget(),
              group.closedUnanswered(),
              percent(group.attainment()),
              group.budgetLeft(),
              group.projection().cases(),
              group.projection().misses(),
              percent(group.projection().attainment()),
              group.projection().belowGoal()));
    }
    return csv("attainment-" + figures.period() + "-" + figures.groupBy(), rows);
  }

  /** One month's figures of a trend. */
  record Month(String period, List<Group> groups) {}

  /** The last {@code months} calendar months, this one included, oldest first: for a chart. */
  @GetMapping(value = "/attainment/trend", produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  List<Month> trend(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @RequestParam(defaultValue = "12") int months,
      @RequestParam(defaultValue = "plan") String groupBy) {
    Viewer viewer = Viewer.of(staff);
    GroupBy by = groupBy(groupBy);
    // A value that is no number at all is refused by ApiErrors, naming the parameter.
    if (months < 1 || months > 36) {
      throw BadRequestException.of("months", "must be a whole number from 1 to 36");
    }
    YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    List<Month> trend = new ArrayList<>();
    for (int back = months - 1; back >= 0; back--) {
      Figures figures =
          report.figures(period(month.minusMonths(back).toString(), null, null), by, viewer);
      trend.add(new Month(figures.period(), figures.groups()));
    }
    return trend;
  }

  @GetMapping(value = "/attainment/misses", produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  List<Miss> misses(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Viewer viewer = Viewer.of(staff);
    return report.misses(period(period, from, to), viewer);
  }

  @GetMapping(value = "/attainment/misses", produces = CSV)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  ResponseEntity<String> missesCsv(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "case",
            "account",
            "account name",
            "plan",
            "severity",
            "due at",
            "responded at",
            "minutes late"));
    ReportPeriod reported = period(period, from, to);
    for (Miss miss : report.misses(reported, Viewer.of(staff))) {
      rows.add(
          Arrays.asList(
              miss.caseNumber(),
              miss.accountId(),
              miss.accountName(),
              miss.plan(),
              miss.severity(),
              miss.dueAt(),
              miss.respondedAt(),
              miss.minutesLate()));
    }
    return csv("missed-" + reported.name(), rows);
  }

  /** Open cases past their 75 % warning and not answered: at risk, or breached past due. */
  @GetMapping(value = "/sla/watch", produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  List<CaseSla.Watched> watchList(@RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff) {
    return sla.watchList(Viewer.of(staff));
  }

  /** One case's initial-response SLA: terms, instants, outcome, reclassifications. */
  @GetMapping(value = "/sla/cases/{caseNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  CaseSla.View caseSla(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff, @PathVariable String caseNumber) {
    return sla.of(caseNumber, Viewer.of(staff));
  }

  /** Case, business and leadership reviews not held by the end of their period, oldest first. */
  @GetMapping(value = "/reviews/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = Viewer.REFUSAL)
  List<OverdueReviews.Overdue> overdueReviews(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff) {
    return overdueReviews.of(Viewer.of(staff));
  }

  private ReportPeriod period(String period, String from, String to) {
    return ReportPeriod.of(period, from, to, clock.instant());
  }

  private static GroupBy groupBy(String name) {
    return GroupBy.of(name)
        .orElseThrow(
            () ->
                BadRequestException.of(
                    "groupBy",
                    "must be one of "
                        + Arrays.stream(GroupBy.values())
                            .map(g -> g.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))));
  }

  private static String percent(Double share) {
    return share == null ? null : String.format(Locale.ROOT, "%.1f", share * 100);
  }

  /** RFC 4180 lines; a cell a spreadsheet would take for a formula is made text. */
  private static ResponseEntity<String> csv(String name, List<List<Object>> rows) {
    String body =
        rows.stream()
            .map(row -> row.stream().map(ReportController::cell).collect(Collectors.joining(",")))
            .collect(Collectors.joining("\r\n", "", "\r\n"));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
        .body(body);
  }

  private static final java.util.regex.Pattern QUOTED =
      java.util.regex.Pattern.compile("[\",\r\n]");

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    // What a spreadsheet takes for a formula (OWASP's list: = + - @, and TAB, CR, LF before one).
    if (!text.isEmpty()
        && "=+-@\t\r\n".indexOf(text.charAt(0)) >= 0
        && !(value instanceof Number)) {
      text = "'" + text;
    }
    return QUOTED.matcher(text).find() || text.startsWith("'")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }
}
