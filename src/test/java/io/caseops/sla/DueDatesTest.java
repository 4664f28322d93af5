package io.caseops.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseops.testsupport.ShippedConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The due-date arithmetic on the shipped region calendars, with every instant written out in UTC.
 * Local times are in the comments. 2026-11-23 is a Monday.
 */
class DueDatesTest {

  static final CoverageRegions REGIONS = ShippedConfiguration.coverageRegions();
  static final String ADOBE = "adobe-experience-cloud";
  static final String AAI = "automation-anywhere";

  record Case(
      String name,
      String catalogue,
      String region,
      String submitted,
      String target,
      String clock,
      String coverage,
      String warningAt,
      String dueAt) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Case> CASES =
      List.of(
          // Plain business hours
          new Case(
              "P1D = one coverage day: Mon 10:00 -> Tue 10:00 New York",
              AAI,
              "AMER",
              "2026-11-23T15:00:00Z",
              "P1D",
              "business",
              "business-hours",
              "2026-11-23T21:45:00Z",
              "2026-11-24T15:00:00Z"),
          new Case(
              "before opening, the clock starts at 08:00 London",
              AAI,
              "EMEA",
              "2026-11-24T06:00:00Z",
              "PT4H",
              "business",
              "business-hours",
              "2026-11-24T11:00:00Z",
              "2026-11-24T12:00:00Z"),
          new Case(
              "a target that ends exactly at closing is due at closing",
              AAI,
              "EMEA",
              "2026-11-24T08:00:00Z",
              "PT9H",
              "business",
              "business-hours",
              "2026-11-24T14:45:00Z",
              "2026-11-24T17:00:00Z"),
          new Case(
              "longer than a day: Silver Sev 4, 16 business hours, Mon 08:00 -> Tue 15:00 London",
              AAI,
              "EMEA",
              "2026-11-30T08:00:00Z",
              "PT16H",
              "business",
              "business-hours",
              "2026-12-01T11:00:00Z",
              "2026-12-01T15:00:00Z"),
          new Case(
              "longer than a day: Silver Sev 3, 12 business hours, Thu 14:00 -> Fri 17:00 Kolkata",
              AAI,
              "APAC",
              "2026-11-19T08:30:00Z",
              "PT12H",
              "business",
              "business-hours",
              "2026-11-20T08:30:00Z",
              "2026-11-20T11:30:00Z"),
          // Weekends
          new Case(
              "Friday evening Silver Sev 2: Fri 18:00 -> Mon 12:00 London",
              AAI,
              "EMEA",
              "2026-11-27T18:00:00Z",
              "PT4H",
              "business",
              "business-hours",
              "2026-11-30T11:00:00Z",
              "2026-11-30T12:00:00Z"),
          new Case(
              "Gold Sev 2 across a weekend: Fri 16:00 -> Mon 09:00 London",
              AAI,
              "EMEA",
              "2026-11-27T16:00:00Z",
              "PT2H",
              "business",
              "business-hours",
              "2026-11-30T08:30:00Z",
              "2026-11-30T09:00:00Z"),
          new Case(
              "Ultimate P2 on a 24x5 weekend: Sat -> Mon 00:30 London",
              ADOBE,
              "EMEA",
              "2026-11-28T10:00:00Z",
              "PT30M",
              "business",
              "24x5",
              "2026-11-30T00:22:30Z",
              "2026-11-30T00:30:00Z"),
          new Case(
              "24x5 runs through the night: Tue 23:30 -> Wed 00:30 Singapore",
              ADOBE,
              "APAC",
              "2026-11-24T15:30:00Z",
              "PT1H",
              "business",
              "24x5",
              "2026-11-24T16:15:00Z",
              "2026-11-24T16:30:00Z"),
          new Case(
              "24x5 stops at Friday 24:00: Fri 23:30 -> Mon 00:30 Tokyo",
              ADOBE,
              "JAPAN",
              "2026-11-27T14:30:00Z",
              "PT1H",
              "business",
              "24x5",
              "2026-11-29T15:15:00Z",
              "2026-11-29T15:30:00Z"),
          // Windows that end at half past
          new Case(
              "Adobe AMER closes at 17:30: Mon 16:45 -> Tue 07:15 Los Angeles",
              ADOBE,
              "AMER",
              "2026-11-24T00:45:00Z",
              "PT2H",
              "business",
              "business-hours",
              "2026-11-24T14:45:00Z",
              "2026-11-24T15:15:00Z"),
          new Case(
              "Adobe AMER P1D is 11.5 h: Mon 06:00 -> Mon 17:30 Los Angeles",
              ADOBE,
              "AMER",
              "2026-11-23T14:00:00Z",
              "P1D",
              "business",
              "business-hours",
              "2026-11-23T22:37:30Z",
              "2026-11-24T01:30:00Z"),
          // Public holidays
          new Case(
              "US Thanksgiving (Thu 26 Nov): Wed 12:00 -> Fri 15:00 New York",
              AAI,
              "AMER",
              "2026-11-25T17:00:00Z",
              "PT12H",
              "business",
              "business-hours",
              "2026-11-27T17:00:00Z",
              "2026-11-27T20:00:00Z"),
          new Case(
              "Thanksgiving does not close Adobe AMER's 24x5",
              ADOBE,
              "AMER",
              "2026-11-26T16:00:00Z",
              "PT30M",
              "business",
              "24x5",
              "2026-11-26T16:22:30Z",
              "2026-11-26T16:30:00Z"),
          new Case(
              "UK Christmas and Boxing Day (observed Mon 28 Dec): Thu 24 Dec 16:00 -> Tue 29 Dec 11:00 London",
              AAI,
              "EMEA",
              "2026-12-24T16:00:00Z",
              "PT4H",
              "business",
              "business-hours",
              "2026-12-29T10:00:00Z",
              "2026-12-29T11:00:00Z"),
          new Case(
              "Japan, Labour Thanksgiving Day (Mon 23 Nov): Fri 15:00 -> Tue 15:00 Tokyo",
              ADOBE,
              "JAPAN",
              "2026-11-20T06:00:00Z",
              "P1D",
              "business",
              "business-hours",
              "2026-11-24T04:00:00Z",
              "2026-11-24T06:00:00Z"),
          new Case(
              "India, Republic Day (Mon 26 Jan): Fri 08:00 -> Tue 15:00 Kolkata",
              AAI,
              "APAC",
              "2026-01-23T02:30:00Z",
              "PT16H",
              "business",
              "business-hours",
              "2026-01-27T05:30:00Z",
              "2026-01-27T09:30:00Z"),
          new Case(
              "Brazil, Tiradentes (Tue 21 Apr): Mon 13:00 -> Wed 12:00 Sao Paulo",
              AAI,
              "LATAM",
              "2026-04-20T16:00:00Z",
              "PT8H",
              "business",
              "business-hours",
              "2026-04-22T13:00:00Z",
              "2026-04-22T15:00:00Z"),
          new Case(
              "Singapore, National Day observed (Mon 10 Aug): Fri 16:00 -> Tue 12:00 Singapore",
              ADOBE,
              "APAC",
              "2026-08-07T08:00:00Z",
              "PT4H",
              "business",
              "business-hours",
              "2026-08-11T03:00:00Z",
              "2026-08-11T04:00:00Z"),
          new Case(
              "Japan-Korea slot, Culture Day (Tue 3 Nov): Mon 16:00 -> Wed 10:00 Tokyo",
              AAI,
              "JAPAN-KOREA",
              "2026-11-02T07:00:00Z",
              "PT3H",
              "business",
              "business-hours",
              "2026-11-04T00:15:00Z",
              "2026-11-04T01:00:00Z"),
          // Daylight-saving changes
          new Case(
              "US spring forward (8 Mar): Fri 12:00 PST -> Mon 12:00 PDT Los Angeles",
              ADOBE,
              "AMER",
              "2026-03-06T20:00:00Z",
              "P1D",
              "business",
              "business-hours",
              "2026-03-09T16:07:30Z",
              "2026-03-09T19:00:00Z"),
          new Case(
              "US fall back (1 Nov): Fri 14:00 EDT -> Mon 09:00 EST New York",
              AAI,
              "AMER",
              "2026-10-30T18:00:00Z",
              "PT4H",
              "business",
              "business-hours",
              "2026-10-30T21:00:00Z",
              "2026-11-02T14:00:00Z"),
          new Case(
              "UK spring forward (29 Mar): Fri 15:00 GMT -> Mon 10:00 BST London",
              AAI,
              "EMEA",
              "2026-03-27T15:00:00Z",
              "PT4H",
              "business",
              "business-hours",
              "2026-03-30T08:00:00Z",
              "2026-03-30T09:00:00Z"),
          new Case(
              "UK fall back (25 Oct): Fri 16:00 BST -> Mon 11:00 GMT London",
              ADOBE,
              "EMEA",
              "2026-10-23T15:00:00Z",
              "PT3H",
              "business",
              "business-hours",
              "2026-10-26T10:15:00Z",
              "2026-10-26T11:00:00Z"),
          new Case(
              "24x5 across the UK fall back: Sun 01:30 BST -> Mon 01:00 GMT",
              ADOBE,
              "EMEA",
              "2026-10-25T00:30:00Z",
              "PT1H",
              "business",
              "24x5",
              "2026-10-26T00:45:00Z",
              "2026-10-26T01:00:00Z"),
          new Case(
              "calendar clock across spring forward: one real hour, 01:30 PST -> 03:30 PDT",
              ADOBE,
              "AMER",
              "2026-03-08T09:30:00Z",
              "PT1H",
              "calendar",
              "24x7",
              "2026-03-08T10:15:00Z",
              "2026-03-08T10:30:00Z"),
          new Case(
              "calendar P1D is a local day: 23 h across spring forward",
              ADOBE,
              "AMER",
              "2026-03-07T20:00:00Z",
              "P1D",
              "calendar",
              "24x7",
              "2026-03-08T13:15:00Z",
              "2026-03-08T19:00:00Z"),
          // Calendar targets ignore coverage
          new Case(
              "Silver Sev 1 in English, 2 calendar hours on a Sunday",
              AAI,
              "EMEA",
              "2026-11-29T03:00:00Z",
              "PT2H",
              "calendar",
              "24x7",
              "2026-11-29T04:30:00Z",
              "2026-11-29T05:00:00Z"),
          new Case(
              "Ultimate P1, 15 minutes on Christmas Day",
              ADOBE,
              "EMEA",
              "2026-12-25T12:00:00Z",
              "PT15M",
              "calendar",
              "24x7",
              "2026-12-25T12:11:15Z",
              "2026-12-25T12:15:00Z"));

  static List<Case> cases() {
    return CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void computesDueAndWarningInstants(Case c) {
    CoverageProperties.Region region = REGIONS.find(c.catalogue(), c.region()).orElseThrow();

    DueDates.Due due =
        DueDates.due(
            Instant.parse(c.submitted()),
            Target.parse(c.target()),
            ClockKind.of(c.clock()),
            Coverage.of(c.coverage()),
            REGIONS.calendar(region),
            0.75);

    assertThat(due.dueAt()).as("due").isEqualTo(Instant.parse(c.dueAt()));
    assertThat(due.warningAt()).as("warning").isEqualTo(Instant.parse(c.warningAt()));
  }

  @Test
  void aCalendarWithoutCoverageIsAnError() {
    CoverageCalendar closed =
        new CoverageCalendar(
            ZoneId.of("UTC"), LocalTime.of(8, 0), LocalTime.of(17, 0), date -> true);
    assertThatThrownBy(
            () ->
                DueDates.dueAt(
                    Instant.parse("2026-01-01T00:00:00Z"),
                    Target.parse("PT1H"),
                    ClockKind.BUSINESS,
                    Coverage.BUSINESS_HOURS,
                    closed))
        .hasMessageContaining("no coverage");
  }

  @Test
  void targetsParseDaysApartFromHours() {
    assertThat(Target.parse("P1DT4H30M"))
        .isEqualTo(new Target(1, java.time.Duration.ofMinutes(270)));
    assertThatThrownBy(() -> Target.parse("P1M")).hasMessageContaining("days, hours and minutes");
    assertThatThrownBy(() -> Target.parse("4 hours")).hasMessageContaining("ISO-8601");
  }

  @Test
  void publishedHolidaysComeFromTheLibrary() {
    CoverageProperties.Region emea = REGIONS.find(AAI, "EMEA").orElseThrow();
    assertThat(REGIONS.holidays(emea, 2026))
        .extracting(Holidays.Holiday::date)
        .contains(
            LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2026, 8, 31));
  }
}
