package io.caseops.system;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the engine's due jobs by hand, as the job executor would: for tests, which keep the executor
 * off and move the clock, and for the demo's history, written before the executor starts.
 */
public final class DueJobs {

  private DueJobs() {}

  /**
   * Executes every job due at the engine clock's "now", oldest first, and the jobs those create,
   * until none is due. {@code leaveFailuresToRetry}: a failing job (SMTP down) is left to its retry
   * cycle, which moves it to a later due date; otherwise its exception is thrown.
   */
  public static void run(ManagementService management, boolean leaveFailuresToRetry) {
    run(
        management,
        () -> management.createJobQuery().executable().orderByJobDuedate().asc().list(),
        leaveFailuresToRetry);
  }

  /** The same for the due jobs {@code due} lists (asked again each round). */
  public static void run(
      ManagementService management, Supplier<List<Job>> due, boolean leaveFailuresToRetry) {
    for (int round = 0; round < 200; round++) {
      boolean progressed = false;
      for (Job job : due.get()) {
        if (management.createJobQuery().jobId(job.getId()).count() == 0) {
          continue; // an earlier job of this round ended its scope
        }
        try {
          management.executeJob(job.getId());
          progressed = true;
        } catch (RuntimeException failed) {
          if (!leaveFailuresToRetry) {
            throw failed;
          }
        }
      }
      if (!progressed) {
        return;
      }
    }
    throw new IllegalStateException("jobs keep coming due: a timer loop?");
  }
}
