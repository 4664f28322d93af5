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
    long[] nanos = new long[instances];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < instances; ) {
                    long start = System.nanoTime();
                    runtime.startProcessInstanceByKey(PROCESS, "bench-" + i);
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
        "instances", instances,
        "threads", threads,
        "seconds", seconds,
        "perSecond", instances / seconds,
        "p50Ms", nanos[(int) (instances * 0.50)] / 1e6,
        "p95Ms", nanos[Math.min(instances - 1, (int) (instances * 0.95))] / 1e6,
        "p99Ms", nanos[Math.min(instances - 1, (int) (instances * 0.99))] / 1e6);
  }
}
