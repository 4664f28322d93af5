package io.caseops.sla;

import io.caseops.system.Api;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coverage calendars ({@code caseops.coverage.*}): the regions and time slots of each
 * catalogue, and company holidays. The defaults are in application.yaml; operators override them
 * without a rebuild (docs/operations.md).
 *
 * @param warningShare the share of a target after which the SLA warning fires (0.75 = at 75 %)
 * @param regions every region (Adobe) and time slot (AAI), each belonging to one catalogue
 * @param companyHolidays extra closed days on top of the public holidays
 * @param followTheSun who holds a case whose target runs around the clock (24x7, 24x5)
 */
@Api
@ConfigurationProperties("caseops.coverage")
public record CoverageProperties(
    @DefaultValue("0.75") double warningShare,
    @DefaultValue List<Region> regions,
    @DefaultValue List<CompanyHoliday> companyHolidays,
    @DefaultValue FollowTheSun followTheSun) {

  /**
   * @param catalogue the catalogue the region belongs to: Adobe's AMER is not AAI's AMER
   * @param id the region or time-slot id, e.g. {@code EMEA}, {@code JAPAN-KOREA}
   * @param zone its time zone
   * @param opens weekday window start, local time
   * @param closes weekday window end, local time
   * @param holidayCountry ISO country code whose public holidays close the region (Jollyday
   *     calendar code)
   * @param holidaySubdivision optional part of that country with holidays of its own, e.g. {@code
   *     eng} (England)
   * @param languages languages the region's team handles (ISO 639-1), English included where it
   *     does
   * @param team the Camunda group of the regional team that takes its cases
   */
  public record Region(
      String catalogue,
      String id,
      ZoneId zone,
      LocalTime opens,
      LocalTime closes,
      String holidayCountry,
      String holidaySubdivision,
      List<String> languages,
      String team) {}

  /**
   * @param date the closed day
   * @param name what it is, shown in the published calendar
   * @param regions {@code catalogue/REGION} keys it applies to, e.g. {@code
   *     automation-anywhere/EMEA}; empty = all
   */
  public record CompanyHoliday(LocalDate date, String name, @DefaultValue List<String> regions) {}

  /**
   * Round-the-clock cases are held by a team that is at work: the case's own region while it is
   * open, else an open region of the catalogue's rotation that speaks the case's language, else one
   * that speaks the fallback language (until a region speaking the case's language opens), else the
   * on-call team; the case moves on as its holder closes.
   *
   * @param onCallTeam the Camunda group that holds such cases while no region is open (the night
   *     between AMER and Asia, weekends)
   * @param fallbackLanguage the language a case is answered in while no region that speaks its own
   *     is open (Adobe: "all other support in English")
   * @param rotations per catalogue, the regions that take over each other's round-the-clock cases
   */
  public record FollowTheSun(
      @DefaultValue("team-follow-the-sun") String onCallTeam,
      @DefaultValue("en") String fallbackLanguage,
      @DefaultValue List<Rotation> rotations) {}

  /**
   * @param catalogue the catalogue whose regions these are
   * @param regions region ids, in the order the sun reaches them (a tie between two open regions
   *     goes to the one that stays open longer, whatever the order)
   */
  public record Rotation(String catalogue, @DefaultValue List<String> regions) {}
}
