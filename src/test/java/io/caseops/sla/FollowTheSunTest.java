package io.caseops.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.ShippedConfiguration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who holds a round-the-clock case, on the shipped regions and rotations. Instants in UTC, local
 * times in the comments; 2026-11-23 is a Monday (winter: London UTC, Los Angeles UTC-8, New York
 * UTC-5, Singapore and Tokyo ahead by 8 and 9 hours, Kolkata by 5:30, São Paulo behind by 3).
 */
class FollowTheSunTest {

  static final FollowTheSun SUN = ShippedConfiguration.followTheSun();

  @ParameterizedTest(name = "{0}: {1}/{2}/{3} at {4} -> {5} until {6}")
  @CsvSource(
      nullValues = "-",
      value = {
        // Adobe English P1 of an EMEA account through a weekday and into the weekend.
        "home region open,              adobe-experience-cloud, EMEA,  en, 2026-11-23T10:00:00Z, team-emea,           2026-11-23T17:00:00Z",
        "EMEA closed: AMER takes over,  adobe-experience-cloud, EMEA,  en, 2026-11-23T17:00:00Z, team-amer,           2026-11-24T01:30:00Z",
        "AMER closed: APAC stays open longest, adobe-experience-cloud, EMEA, en, 2026-11-24T01:30:00Z, team-apac, 2026-11-24T09:00:00Z",
        "Friday night: on call until Monday's first opening, adobe-experience-cloud, EMEA, en, 2026-11-28T01:30:00Z, team-follow-the-sun, 2026-11-30T00:00:00Z",
        // Japanese P1: the Japan team while it is open, else the English rotation until Japan
        // opens.
        "Japan open,                    adobe-experience-cloud, JAPAN, ja, 2026-11-24T03:00:00Z, team-japan,          2026-11-24T08:00:00Z",
        "Japan closed: APAC answers in English, adobe-experience-cloud, JAPAN, ja, 2026-11-24T08:00:00Z, team-apac, 2026-11-24T09:00:00Z",
        "AMER hands back when Japan opens, adobe-experience-cloud, JAPAN, ja, 2026-11-24T17:00:00Z, team-amer,     2026-11-25T00:00:00Z",
        // 2026-11-23 is Labour Thanksgiving Day in Japan: closed all day.
        "Sunday night: on call until APAC opens, adobe-experience-cloud, JAPAN, ja, 2026-11-22T23:00:00Z, team-follow-the-sun, 2026-11-23T01:00:00Z",
        "Japanese holiday: EMEA answers in English, adobe-experience-cloud, JAPAN, ja, 2026-11-23T10:00:00Z, team-emea, 2026-11-23T17:00:00Z",
        // AAI English Sev 1 of an APAC time slot.
        "AAI APAC open,                 automation-anywhere,   APAC,  en, 2026-11-23T05:00:00Z, team-apac,           2026-11-23T11:30:00Z",
        "AAI APAC closed: LATAM open longer than EMEA, automation-anywhere, APAC, en, 2026-11-23T11:30:00Z, team-latam, 2026-11-23T20:00:00Z",
        "AAI LATAM closed: AMER takes over, automation-anywhere, APAC, en, 2026-11-23T20:00:00Z, team-amer, 2026-11-23T22:00:00Z",
        "AAI Portuguese at night: on call until an English slot opens, automation-anywhere, LATAM, pt, 2026-11-23T22:00:00Z, team-follow-the-sun, 2026-11-23T23:00:00Z",
        "AAI Portuguese: English stop-gap until LATAM opens, automation-anywhere, LATAM, pt, 2026-11-24T08:00:00Z, team-emea, 2026-11-24T11:00:00Z",
      })
  void holdsTheCaseWhereATeamIsAtWork(
      String name,
      String catalogue,
      String home,
      String language,
      String at,
      String team,
      String until) {
    FollowTheSun.Holder holder = SUN.holder(catalogue, home, language, Instant.parse(at));
    assertThat(holder.team()).isEqualTo(team);
    assertThat(holder.until()).isEqualTo(until == null ? null : Instant.parse(until));
  }
}
