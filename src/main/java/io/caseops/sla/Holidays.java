package io.caseops.sla;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.caseops.system.Api;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Public holidays by country from the Jollyday library (public and bank holidays; observances stay
 * working days), plus the operator's company holidays. Cached per country and year: the due-date
 * arithmetic asks once per day.
 */
@Api
public final class Holidays {

  /** A closed day, as the published calendar lists it. */
  public record Holiday(LocalDate date, String name) {}

  private final List<CoverageProperties.CompanyHoliday> companyHolidays;
  private final Map<String, List<Holiday>> publicHolidays = new ConcurrentHashMap<>();
  private final Map<String, Set<LocalDate>> closedDays = new ConcurrentHashMap<>();

  public Holidays(List<CoverageProperties.CompanyHoliday> companyHolidays) {
    this.companyHolidays = List.copyOf(companyHolidays);
  }

  /** Whether Jollyday knows the country's calendar. */
  public static boolean supports(String country) {
    return HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
  }

  /**
   * Every closed day of the region in the year, sorted: public holidays of its country and company
   * holidays.
   */
  public List<Holiday> of(CoverageProperties.Region region, int year) {
    List<Holiday> days =
        new ArrayList<>(publicHolidays(region.holidayCountry(), region.holidaySubdivision(), year));
    String key = region.catalogue() + "/" + region.id();
    companyHolidays.stream()
        .filter(day -> day.date().getYear() == year)
        .filter(day -> day.regions().isEmpty() || day.regions().contains(key))
        .forEach(day -> days.add(new Holiday(day.date(), day.name())));
    days.sort(Comparator.comparing(Holiday::date));
    return days;
  }

  /**
   * Asked once per day by the due-date arithmetic, hence the cache of each region's closed days per
   * year.
   */
  public boolean isHoliday(CoverageProperties.Region region, LocalDate date) {
    return closedDays
        .computeIfAbsent(
            region.catalogue() + "/" + region.id() + "/" + date.getYear(),
            key ->
                of(region, date.getYear()).stream().map(Holiday::date).collect(Collectors.toSet()))
        .contains(date);
  }

  /**
   * Loads the calendars of these countries now (at start-up), so that no request pays for, or races
   * on, a first load.
   */
  public void load(Collection<String> countries) {
    countries.forEach(Holidays::manager);
  }

  /**
   * One manager per country, made one at a time: Jollyday finds its configuration through a
   * ServiceLoader, which two threads must not iterate at once (a second one failed with "Cannot
   * instantiate datasource instance because there is no implementations").
   */
  private static HolidayManager manager(String country) {
    String key = country.toLowerCase(Locale.ROOT);
    HolidayManager known = MANAGERS.get(key);
    if (known != null) {
      return known;
    }
    synchronized (MANAGERS) {
      return MANAGERS.computeIfAbsent(
          key, code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }
  }

  private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

  private List<Holiday> publicHolidays(String country, String subdivision, int year) {
    String[] subdivisions =
        subdivision == null || subdivision.isBlank() ? new String[0] : new String[] {subdivision};
    return publicHolidays.computeIfAbsent(
        country + "/" + subdivision + "/" + year,
        key -> {
          HolidayManager manager = manager(country);
          return manager.getHolidays(Year.of(year), subdivisions).stream()
              .filter(day -> day.getType() != HolidayType.OBSERVANCE)
              .map(day -> new Holiday(day.getDate(), day.getDescription(Locale.ENGLISH)))
              .sorted(Comparator.comparing(Holiday::date))
              .toList();
        });
  }
}
