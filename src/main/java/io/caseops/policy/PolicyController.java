package io.caseops.policy;

import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.PlanEntitlements;
import io.caseops.sla.CoverageProperties;
import io.caseops.sla.CoverageRegions;
import io.caseops.sla.DueDates;
import io.caseops.sla.Holidays;
import io.caseops.sla.ResponseTargets;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.BadRequestException.Problem;
import io.caseops.system.web.DateRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published support policy, open to anyone: when a case would get its first response, and each
 * region's support calendar. Computed by the same decisions and arithmetic as real cases.
 */
@RestController
@RequestMapping("/api/policy")
class PolicyController {

  static final Set<String> CATALOGUES = Set.of("adobe-experience-cloud", "automation-anywhere");

  /**
   * The quote: target, how it is counted, and when it falls due (instants in UTC; null when there
   * is no target).
   */
  record ResponseDue(
      String catalogue,
      String plan,
      int severity,
      String product,
      String responseTarget,
      String clock,
      String coverage,
      String region,
      String zone,
      Instant submittedAt,
      Instant warningAt,
      Instant dueAt) {}

  record WeeklyWindow(DayOfWeek day, LocalTime opens, LocalTime closes) {}

  record Calendar(
      String catalogue,
      String region,
      String zone,
      List<WeeklyWindow> weeklyWindows,
      List<String> languages,
      int year,
      List<Holidays.Holiday> holidays) {}

  private final ResponseTargets targets;
  private final PlanEntitlements plans;
  private final EntitlementLookup entitlements;
  private final CoverageRegions regions;
  private final EngineClock clock;

  PolicyController(
      ResponseTargets targets,
      PlanEntitlements plans,
      EntitlementLookup entitlements,
      CoverageRegions regions,
      EngineClock clock) {
    this.targets = targets;
    this.plans = plans;
    this.entitlements = entitlements;
    this.regions = regions;
    this.clock = clock;
  }

  @GetMapping("/response-due")
  ResponseDue responseDue(
      @RequestParam String catalogue,
      @RequestParam String plan,
      @RequestParam String severity,
      @RequestParam String product,
      @RequestParam String region,
      @RequestParam(required = false) String submittedAt,
      @RequestParam(required = false) String licenceStart,
      @RequestParam(required = false) String priorityQueue,
      @RequestParam(required = false) String language) {
    List<Problem> problems = new ArrayList<>();
    boolean knownCatalogue = checkCatalogue(catalogue, problems);
    if (knownCatalogue && plans.of(catalogue, plan).isEmpty()) {
      problems.add(new Problem("plan", "must be a plan of " + catalogue + ", got '" + plan + "'"));
    }
    Integer level = parse("severity", severity, problems, "must be 1, 2, 3 or 4", Integer::valueOf);
    if (level != null && (level < 1 || level > 4)) {
      problems.add(new Problem("severity", "must be 1, 2, 3 or 4, got " + level));
    }
    List<String> catalogueProducts =
        knownCatalogue ? entitlements.productIds(catalogue) : List.of();
    if (knownCatalogue && !catalogueProducts.contains(product)) {
      problems.add(
          new Problem(
              "product",
              "must be a product of "
                  + catalogue
                  + " "
                  + catalogueProducts
                  + ", got '"
                  + product
                  + "'"));
    }
    CoverageProperties.Region coverageRegion =
        knownCatalogue ? region(catalogue, region, problems) : null;
    Instant submitted =
        submittedAt == null
            ? clock.instant()
            : parse(
                "submittedAt",
                submittedAt,
                problems,
                "must be an ISO-8601 instant such as 2026-11-27T18:00:00Z",
                Instant::parse);
    LocalDate licence =
        licenceStart == null
            ? null
            : parse(
                "licenceStart",
                licenceStart,
                problems,
                "must be an ISO-8601 date such as 2022-03-01",
                LocalDate::parse);
    if (submitted != null && !DateRange.within(submitted)) {
      problems.add(new Problem("submittedAt", DateRange.RULE + ", got " + submittedAt));
      submitted = null;
    }
    if (licence != null && !DateRange.within(licence)) {
      problems.add(new Problem("licenceStart", DateRange.RULE + ", got " + licenceStart));
      licence = null;
    }
    if (priorityQueue != null && !priorityQueue.equals("true") && !priorityQueue.equals("false")) {
      problems.add(
          new Problem("priorityQueue", "must be true or false, got '" + priorityQueue + "'"));
    }
    if (language != null && !language.matches("[a-z]{2}")) {
      problems.add(
          new Problem(
              "language",
              "must be a two-letter ISO 639-1 code such as en, got '" + language + "'"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }

    ResponseTargets.Answer answer =
        targets.evaluate(
            new ResponseTargets.Question(
                catalogue,
                plan,
                level,
                product,
                licence,
                "true".equals(priorityQueue),
                language == null ? EntitlementLookup.ENGLISH : language));
    DueDates.Due due =
        answer.hasTarget()
            ? regions.due(
                coverageRegion, submitted, answer.target(), answer.clock(), answer.coverage())
            : null;
    return new ResponseDue(
        catalogue,
        plan,
        level,
        product,
        answer.targetText(),
        answer.clock().value(),
        answer.coverage().value(),
        coverageRegion.id(),
        coverageRegion.zone().getId(),
        submitted,
        due == null ? null : due.warningAt(),
        due == null ? null : due.dueAt());
  }

  @GetMapping("/calendars/{region}")
  Calendar calendar(
      @PathVariable String region,
      @RequestParam String catalogue,
      @RequestParam(required = false) String year) {
    List<Problem> problems = new ArrayList<>();
    boolean knownCatalogue = checkCatalogue(catalogue, problems);
    CoverageProperties.Region coverageRegion =
        knownCatalogue ? region(catalogue, region, problems) : null;
    Integer calendarYear =
        year == null
            ? Year.now(clock).getValue()
            : parse("year", year, problems, "must be a year such as 2026", Integer::valueOf);
    if (calendarYear != null && (calendarYear < 1970 || calendarYear > 2100)) {
      problems.add(new Problem("year", "must be between 1970 and 2100, got " + calendarYear));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    List<WeeklyWindow> windows =
        List.of(
                DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)
            .stream()
            .map(day -> new WeeklyWindow(day, coverageRegion.opens(), coverageRegion.closes()))
            .toList();
    return new Calendar(
        catalogue,
        coverageRegion.id(),
        coverageRegion.zone().getId(),
        windows,
        coverageRegion.languages(),
        calendarYear,
        regions.holidays(coverageRegion, calendarYear));
  }

  private static boolean checkCatalogue(String catalogue, List<Problem> problems) {
    if (CATALOGUES.contains(catalogue)) {
      return true;
    }
    problems.add(
        new Problem(
            "catalogue",
            "must be one of "
                + CATALOGUES.stream().sorted().toList()
                + ", got '"
                + catalogue
                + "'"));
    return false;
  }

  /** The region or time slot of the catalogue; null, with the problem noted, when it has none. */
  private CoverageProperties.Region region(
      String catalogue, String region, List<Problem> problems) {
    CoverageProperties.Region found = regions.find(catalogue, region).orElse(null);
    if (found == null) {
      problems.add(
          new Problem(
              "region",
              "must be a region or time slot of "
                  + catalogue
                  + " "
                  + regionIds(catalogue)
                  + ", got '"
                  + region
                  + "'"));
    }
    return found;
  }

  private List<String> regionIds(String catalogue) {
    return regions.of(catalogue).stream().map(CoverageProperties.Region::id).toList();
  }

  private static <T> T parse(
      String field,
      String value,
      List<Problem> problems,
      String rule,
      java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (DateTimeParseException | NumberFormatException e) {
      problems.add(new Problem(field, rule + ", got '" + value + "'"));
      return null;
    }
  }
}
