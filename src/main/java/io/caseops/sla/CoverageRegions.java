package io.caseops.sla;

import io.caseops.system.Api;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The configured regions and time slots, checked at start-up, and the coverage calendar of each.
 * The entry point of the {@code sla} feature for other features.
 */
@Api
@Component
public class CoverageRegions {

  private final CoverageProperties properties;
  private final Holidays holidays;

  public CoverageRegions(CoverageProperties properties) {
    this.properties = properties;
    this.holidays = new Holidays(properties.companyHolidays());
    validate(properties);
    holidays.load(
        properties.regions().stream().map(CoverageProperties.Region::holidayCountry).toList());
  }

  public Optional<CoverageProperties.Region> find(String catalogue, String id) {
    return properties.regions().stream()
        .filter(region -> region.catalogue().equals(catalogue) && region.id().equals(id))
        .findFirst();
  }

  public List<CoverageProperties.Region> of(String catalogue) {
    return properties.regions().stream()
        .filter(region -> region.catalogue().equals(catalogue))
        .toList();
  }

  public CoverageCalendar calendar(CoverageProperties.Region region) {
    return new CoverageCalendar(
        region.zone(), region.opens(), region.closes(), date -> holidays.isHoliday(region, date));
  }

  /** A day the region's team works: a weekday that is none of its public or company holidays. */
  public boolean isWorkingDay(CoverageProperties.Region region, java.time.LocalDate date) {
    return date.getDayOfWeek().getValue() <= 5 && !holidays.isHoliday(region, date);
  }

  public List<Holidays.Holiday> holidays(CoverageProperties.Region region, int year) {
    return holidays.of(region, year);
  }

  public double warningShare() {
    return properties.warningShare();
  }

  private static void validate(CoverageProperties properties) {
    if (properties.warningShare() <= 0 || properties.warningShare() > 1) {
      throw new IllegalStateException(
          "caseops.coverage.warning-share must be in (0, 1], got " + properties.warningShare());
    }
    Set<String> seen = new HashSet<>();
    for (CoverageProperties.Region region : properties.regions()) {
      String key = region.catalogue() + "/" + region.id();
      if (region.catalogue() == null
          || region.id() == null
          || region.zone() == null
          || region.opens() == null
          || region.closes() == null
          || region.team() == null
          || region.holidayCountry() == null) {
        throw new IllegalStateException(
            "caseops.coverage.regions: "
                + key
                + " needs catalogue, id, zone, opens, closes, holiday-country and team");
      }
      if (!seen.add(key)) {
        throw new IllegalStateException(
            "caseops.coverage.regions: " + key + " is configured twice");
      }
      if (!region.closes().isAfter(region.opens())) {
        throw new IllegalStateException(
            "caseops.coverage.regions: " + key + " closes before it opens");
      }
      if (!Holidays.supports(region.holidayCountry())) {
        throw new IllegalStateException(
            "caseops.coverage.regions: "
                + key
                + ": no holiday calendar for country '"
                + region.holidayCountry()
                + "'");
      }
    }
    if (properties.followTheSun().onCallTeam() == null
        || properties.followTheSun().onCallTeam().isBlank()) {
      throw new IllegalStateException("caseops.coverage.follow-the-sun.on-call-team is required");
    }
    for (CoverageProperties.Rotation rotation : properties.followTheSun().rotations()) {
      for (String id : rotation.regions()) {
        if (!seen.contains(rotation.catalogue() + "/" + id)) {
          throw new IllegalStateException(
              "caseops.coverage.follow-the-sun.rotations: "
                  + rotation.catalogue()
                  + "/"
                  + id
                  + " is no configured region");
        }
      }
    }
  }

  /**
   * Due and warning instants of a target started at {@code start}, counted in the region's
   * calendar.
   */
  public DueDates.Due due(
      CoverageProperties.Region region,
      Instant start,
      Target target,
      ClockKind clock,
      Coverage coverage) {
    return DueDates.due(start, target, clock, coverage, calendar(region), warningShare());
  }
}
