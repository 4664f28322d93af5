package io.caseops.system;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Wakes this node's job executor when jobs fall due, so that an SLA timer fires within milliseconds
 * of its due instant while an idle engine polls the database only every {@code
 * camunda.bpm.job-execution.max-wait}. Left alone, the engine finds a timer at its next poll only
 * (up to max-wait late), or at once when the timer is created due within its wait time (5 s).
 *
 * <p>It keeps the due instants of the next {@code caseops.jobs.look-ahead} x 2 in memory: of each
 * job created on this node as it is created ({@link EngineInternals.JobsDue}), and, every
 * look-ahead, of every job in the database, whichever node created it. A timer set at least one
 * look-ahead before it falls due is therefore on time on every node, even when the node that set it
 * is gone. Wake-ups are at least {@link #SPACING} apart: while timers fall due in a burst the job
 * executor keeps acquiring anyway, and one acquisition takes every job due by then.
 */
@Component
@ConditionalOnProperty(
    prefix = "camunda.bpm.job-execution",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class TimerWakeUp implements EngineInternals.JobsDue {

  static final Duration SPACING = Duration.ofMillis(100);

  private static final Logger log = LoggerFactory.getLogger(TimerWakeUp.class);

  private final ProcessEngine engine;
  private final EngineClock clock;
  private final Duration lookAhead;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          work -> {
            Thread thread = new Thread(work, "caseops-timer-wake-up");
            thread.setDaemon(true);
            return thread;
          });

  // Guarded by this: the due instants ahead, and the one wake-up scheduled for the first of them.
  private final NavigableSet<Instant> ahead = new TreeSet<>();
  private ScheduledFuture<?> wakeUp;
  private Instant wakeUpAt;
  private Instant lastWakeUp = Instant.MIN;

  TimerWakeUp(
      ProcessEngine engine,
      EngineClock clock,
      @Value("${caseops.jobs.look-ahead:PT30S}") Duration lookAhead) {
    this.engine = engine;
    this.clock = clock;
    this.lookAhead = lookAhead;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::lookAhead, 0, lookAhead.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }

  @Override
  public synchronized void dueAt(Instant due) {
    // Later ones are read from the database by a later look-ahead.
    if (due.isBefore(clock.instant().plus(lookAhead.multipliedBy(2)))) {
      ahead.add(due);
      schedule();
    }
  }

  /** Schedules the wake-up for the first instant ahead, unless it is scheduled already. */
  private synchronized void schedule() {
    if (ahead.isEmpty() || scheduler.isShutdown()) {
      return;
    }
    // One millisecond after: the engine acquires jobs due at or before its now.
    Instant at = ahead.first().plusMillis(1);
    if (at.isBefore(lastWakeUp.plus(SPACING))) {
      at = lastWakeUp.plus(SPACING);
    }
    if (wakeUpAt != null && !at.isBefore(wakeUpAt)) {
      return;
    }
    if (wakeUp != null) {
      wakeUp.cancel(false);
    }
    wakeUpAt = at;
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    wakeUp = scheduler.schedule(this::wakeUp, delay, TimeUnit.MILLISECONDS);
  }

  private void wakeUp() {
    synchronized (this) {
      Instant now = clock.instant();
      lastWakeUp = now;
      wakeUpAt = null;
      wakeUp = null;
      ahead.headSet(now, true).clear();
    }
    EngineInternals.wakeJobExecutor(engine);
    schedule();
  }

  /** Reads the due instants of the next two look-aheads from the database, any node's jobs. */
  private void lookAhead() {
    try {
      Instant now = clock.instant();
      List<Instant> due =
          engine
              .getManagementService()
              .createJobQuery()
              .active()
              .withRetriesLeft()
              .duedateHigherThan(Date.from(now))
              .duedateLowerThan(Date.from(now.plus(lookAhead.multipliedBy(2))))
              .list()
              .stream()
              .map(job -> job.getDuedate().toInstant())
              .toList();
      synchronized (this) {
        ahead.addAll(due);
        schedule();
      }
    } catch (RuntimeException e) {
      // The database may be away for a while: the engine's own poll still finds due jobs.
      log.warn("Could not look ahead for the next due jobs: {}", e.getMessage());
    }
  }
}
