package io.caseops.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one call on several threads released at the same instant: a double click, a race with a
 * timer.
 */
public final class Concurrently {

  private Concurrently() {}

  /** What each of {@code threads} calls returned, in thread order. */
  public static <T> List<T> run(int threads, Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier start = new CyclicBarrier(threads);
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The exception each of {@code threads} runs of the action threw; null for a run that succeeded.
   */
  public static List<Throwable> failures(int threads, Runnable action) throws Exception {
    return run(
        threads,
        () -> {
          try {
            action.run();
            return null;
          } catch (RuntimeException e) {
            return e;
          }
        });
  }
}
