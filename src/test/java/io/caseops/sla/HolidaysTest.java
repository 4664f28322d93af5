package io.caseops.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Public holidays from Jollyday, first loaded by many threads at once as requests do. The only test
 * of this class: it needs a JVM in which nothing has asked Jollyday yet.
 */
class HolidaysTest {

  static CoverageProperties.Region region(String country, String subdivision) {
    return new CoverageProperties.Region(
        "automation-anywhere",
        country,
        java.time.ZoneId.of("UTC"),
        java.time.LocalTime.of(8, 0),
        java.time.LocalTime.of(17, 0),
        country,
        subdivision,
        List.of("en"),
        "team-" + country.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void firstLoadsFromManyThreadsAtOnceAllSucceed() throws Exception {
    // The first load in this JVM (nothing here asked Jollyday before), by 32 threads at once.
    List<CoverageProperties.Region> regions =
        List.of(
            region("US", null),
            region("GB", "eng"),
            region("BR", null),
            region("IN", null),
            region("JP", null),
            region("SG", null),
            region("FR", null),
            region("DE", null));
    Holidays holidays = new Holidays(List.of());
    ExecutorService threads = Executors.newFixedThreadPool(32);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Holidays.Holiday>>> answers = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        CoverageProperties.Region region = regions.get(i % regions.size());
        Callable<List<Holidays.Holiday>> firstLoad =
            () -> {
              start.await();
              return holidays.of(region, 2026);
            };
        answers.add(threads.submit(firstLoad));
      }
      start.countDown();
      for (int i = 0; i < answers.size(); i++) {
        CoverageProperties.Region region = regions.get(i % regions.size());
        assertThat(answers.get(i).get())
            .as(region.holidayCountry())
            .isEqualTo(new Holidays(List.of()).of(region, 2026));
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
