package io.caseops.system.bench;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare-engine ceiling that bench/intake.py compares the intake with: instances of a process
 * with one user task, started through {@link RuntimeService} on this node's engine, database and
 * history level, at the benchmark's concurrency. Exists in the {@code bench} profile only, which a
 * benchmark machine turns on and nothing else does: it starts processes for anyone who asks.
 */
@Profile("bench")
@RestController
class EngineCeiling {

  static final String PROCESS = "BenchEngineCeiling";

  private final RepositoryService repository;
  private final RuntimeService runtime;

  EngineCeiling(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  @PostMapping("/bench/engine-ceiling")
  Map<String, Object> measure(@RequestParam int instances, @RequestParam int threads)
      throws Exception {
    if (instances < 1 || instances > 1_000_000 || threads < 1 || threads > 256) {
      throw new IllegalArgumentException("instances 1..1000000, threads 1..256");
    }
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Started")
            .userTask("Task_Wait")
            .endEvent("EndEvent_Done")
            .done();
    repository
        .createDeployment()
        .name(PROCESS)
        .enableDuplicateFiltering(false)
        .addModelInstance(PROCESS + ".bpmn", model)
        .deploy();
    Map<String, Object> figures =
        new HashMap<>(
            Parallel.run(
                instances, threads, i -> runtime.startProcessInstanceByKey(PROCESS, "bench-" + i)));
    figures.put("instances", instances);
    return figures;
  }
}
