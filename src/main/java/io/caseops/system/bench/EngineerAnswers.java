package io.caseops.system.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Engineers answering every open case at once, for bench/timers.py: completes each open first
 * response task with the given next step and a public reply, through {@link TaskService} as
 * Tasklist does, so that the cases go on as the model says (a wait for the customer starts
 * CustomerFollowUp and its reminders). In the {@code bench} profile only.
 */
@Profile("bench")
@RestController
class EngineerAnswers {

  private static final Set<String> STEPS = Set.of("request-information", "provide-resolution");

  private final TaskService tasks;

  EngineerAnswers(TaskService tasks) {
    this.tasks = tasks;
  }

  @PostMapping("/bench/answer-open-cases")
  Map<String, Object> answer(@RequestParam String action, @RequestParam int threads)
      throws Exception {
    if (!STEPS.contains(action) || threads < 1 || threads > 256) {
      throw new IllegalArgumentException("action " + STEPS + ", threads 1..256");
    }
    List<Task> open =
        tasks
            .createTaskQuery()
            .processDefinitionKey("SupportCase")
            .taskDefinitionKey("Task_RespondToCustomer")
            .list();
    return Parallel.run(
        open.size(),
        threads,
        i ->
            tasks.complete(
                open.get(i).getId(),
                Map.of("action", action, "publicReply", "Please send the runner's log.")));
  }
}
