package io.caseops.sla;

import io.caseops.system.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who holds a case whose target runs around the clock (24x7, 24x5), at a given instant: the case's
 * own region while its team is at work; else the open region of the catalogue's rotation that
 * speaks the case's language and stays open longest; else the one that speaks the fallback language
 * (English), until a region that speaks the case's language opens (a Japanese P1 is answered in
 * English at night and goes to the Japan team in the morning); else the on-call team until the
 * first of them opens. A holder keeps the case until its region closes, so a case moves at most
 * once per regional shift. Configured in {@code caseops.coverage.follow-the-sun}.
 */
@Api
@Component
public class FollowTheSun {

  /** How far ahead the next opening is looked for: longer than any run of holidays. */
  private static final int LOOK_AHEAD_DAYS = 21;

  private final CoverageRegions regions;
  private final CoverageProperties.FollowTheSun config;

  public FollowTheSun(CoverageRegions regions, CoverageProperties properties) {
    this.regions = regions;
    this.config = properties.followTheSun();
  }

  /**
   * @param team the Camunda group that holds the case
   * @param region the region whose team it is; null for the on-call team
   * @param until when the holder hands the case on (its region closes, or a suitable region opens);
   *     null when nothing ever changes
   */
  public record Holder(String team, String region, Instant until) {
    public boolean onCall() {
      return region == null;
    }
  }

  public String onCallTeam() {
    return config.onCallTeam();
  }

  /**
   * The holder of a round-the-clock case of this catalogue, home region and language at {@code at}.
   */
  public Holder holder(String catalogue, String homeRegion, String language, Instant at) {
    List<CoverageProperties.Region> speakers = candidates(catalogue, homeRegion, language);
    Optional<Holder> open = longestOpen(speakers, homeRegion, at);
    if (open.isPresent()) {
      return open.get();
    }
    Optional<Instant> speakersOpen = firstOpening(speakers, at);
    List<CoverageProperties.Region> fallback =
        language == null || language.equals(config.fallbackLanguage())
            ? List.of()
            : candidates(catalogue, homeRegion, config.fallbackLanguage());
    Optional<Holder> stopGap =
        longestOpen(fallback, homeRegion, at)
            .map(
                holder ->
                    speakersOpen.isPresent() && speakersOpen.get().isBefore(holder.until())
                        ? new Holder(holder.team(), holder.region(), speakersOpen.get())
                        : holder);
    if (stopGap.isPresent()) {
      return stopGap.get();
    }
    Instant nextOpening =
        firstOpening(fallback, at)
            .filter(instant -> speakersOpen.isEmpty() || instant.isBefore(speakersOpen.get()))
            .or(() -> speakersOpen)
            .orElse(null);
    return new Holder(config.onCallTeam(), null, nextOpening);
  }

  /** The open region that stays open longest, the home region first. */
  private Optional<Holder> longestOpen(
      List<CoverageProperties.Region> candidates, String homeRegion, Instant at) {
    return candidates.stream()
        .flatMap(region -> openWindow(region, at).stream().map(end -> of(region, end)))
        .max(
            Comparator.comparing((Holder holder) -> holder.region().equals(homeRegion))
                .thenComparing(Holder::until));
  }

  private Optional<Instant> firstOpening(List<CoverageProperties.Region> candidates, Instant at) {
    return candidates.stream()
        .flatMap(region -> nextOpening(region, at).stream())
        .min(Comparator.naturalOrder());
  }

  /** The home region first, then the rotation's regions; those that speak the language. */
  private List<CoverageProperties.Region> candidates(
      String catalogue, String homeRegion, String language) {
    List<CoverageProperties.Region> candidates = new ArrayList<>();
    regions.find(catalogue, homeRegion).ifPresent(candidates::add);
    config.rotations().stream()
        .filter(rotation -> rotation.catalogue().equals(catalogue))
        .flatMap(rotation -> rotation.regions().stream())
        .filter(id -> !id.equals(homeRegion))
        .flatMap(id -> regions.find(catalogue, id).stream())
        .forEach(candidates::add);
    return candidates.stream()
        .filter(region -> language == null || region.languages().contains(language))
        .toList();
  }

  private static Holder of(CoverageProperties.Region region, Instant until) {
    return new Holder(region.team(), region.id(), until);
  }

  /** The end of the region's business window that contains {@code at}, if one does. */
  private Optional<Instant> openWindow(CoverageProperties.Region region, Instant at) {
    LocalDate today = at.atZone(region.zone()).toLocalDate();
    return regions
        .calendar(region)
        .window(today, Coverage.BUSINESS_HOURS)
        .filter(window -> !at.isBefore(window.start()) && at.isBefore(window.end()))
        .map(CoverageCalendar.Window::end);
  }

  private Optional<Instant> nextOpening(CoverageProperties.Region region, Instant at) {
    CoverageCalendar calendar = regions.calendar(region);
    LocalDate day = at.atZone(region.zone()).toLocalDate();
    for (int i = 0; i <= LOOK_AHEAD_DAYS; i++) {
      Optional<Instant> start =
          calendar
              .window(day.plusDays(i), Coverage.BUSINESS_HOURS)
              .map(CoverageCalendar.Window::start)
              .filter(instant -> instant.isAfter(at));
      if (start.isPresent()) {
        return start;
      }
    }
    return Optional.empty();
  }
}
