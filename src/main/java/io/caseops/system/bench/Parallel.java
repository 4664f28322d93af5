package io.caseops.system.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs so many calls from so many threads and reports their rate and latencies. */
final class Parallel {

  private Parallel() {}

  /** Runs {@code call} for 0 .. count-1 from that many threads; the figures of the run. */
  static Map<String, Object> run(int count, int threads, IntConsumer call) throws Exception {
    long[] nanos = new long[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < count; ) {
                    long start = System.nanoTime();
                    call.accept(i);
                    nanos[i] = System.nanoTime() - start;
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get(1, TimeUnit.HOURS);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    Arrays.sort(nanos);
    return Map.of(
        "count",
        count,
        "threads",
        threads,
        "seconds",
        seconds,
        "perSecond",
        count / seconds,
        "p50Ms",
        percentile(nanos, 0.50),
        "p95Ms",
        percentile(nanos, 0.95),
        "p99Ms",
        percentile(nanos, 0.99));
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
  }
}
