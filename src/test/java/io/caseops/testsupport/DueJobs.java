package io.caseops.testsupport;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the engine's due jobs by hand, as the job executor would (tests keep the executor off and
 * move the clock).
 */
public final class DueJobs {

  private DueJobs() {}

  /**
   * Executes every job due at the engine clock's "now", oldest first, and the jobs those create,
   * until none is due. {@code leaveFailuresToRetry}: a failing job (SMTP down) is left to its retry
   * cycle, which moves it to a later due date; otherwise its exception fails the test.
   */
  public static void run(ManagementService management, boolean leaveFailuresToRetry) {
    for (int round = 0; round < 200; round++) {
      List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().list();
      boolean progressed = false;
      for (Job job : due) {
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
    throw new AssertionError("jobs keep coming due: a timer loop?");
  }
}
