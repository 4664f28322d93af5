package io.caseops.cases;

import io.caseops.system.Api;
import java.util.List;
import java.util.Map;

/**
 * What an engineer submits on a case's task form, as Tasklist sends it: for code that works cases
 * the way an engineer does, through the engine's task API (the demo's history, the benchmarks).
 */
@Api
public record EngineerReply(String nextStep, String reply) {

  /** The case's engineer tasks (first response, with or without a target, and later work). */
  public static final List<String> TASKS =
      List.of("Task_RespondToCustomer", "Task_RespondWithoutTarget", "Task_WorkCase");

  public static EngineerReply keepWorking(String reply) {
    return new EngineerReply(NextStep.KEEP_WORKING.value(), reply);
  }

  public static EngineerReply requestInformation(String reply) {
    return new EngineerReply(NextStep.REQUEST_INFORMATION.value(), reply);
  }

  public static EngineerReply provideResolution(String reply) {
    return new EngineerReply(NextStep.PROVIDE_RESOLUTION.value(), reply);
  }

  public static EngineerReply close(String reply) {
    return new EngineerReply(NextStep.CLOSE.value(), reply);
  }

  /** The task's completion variables. */
  public Map<String, Object> formVariables() {
    return Map.of(CaseVariables.ACTION, nextStep, CaseVariables.PUBLIC_REPLY, reply);
  }
}
