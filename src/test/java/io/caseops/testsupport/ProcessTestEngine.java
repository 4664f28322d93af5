package io.caseops.testsupport;

import io.caseops.system.DueJobs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of the process tests: in-memory H2, no job executor (tests fire timers by moving the
 * clock), full history, and a mock expression manager so that {@code ${delegateName}} resolves to
 * stubs registered with {@link org.camunda.bpm.engine.test.mock.Mocks}. Wrapped in the coverage
 * extension, which writes the BPMN coverage report to {@code target/process-test-coverage/}.
 */
public final class ProcessTestEngine {

  /** Everything the stub delegates were asked to do, in order, e.g. "responseAlert:warning". */
  public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

  private ProcessTestEngine() {}

  public static ProcessEngineCoverageExtension extension(String name) {
    // The coverage configuration is the standard in-memory one plus the listeners that record the
    // path walked.
    StandaloneInMemProcessEngineConfiguration configuration =
        new ProcessCoverageInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setProcessEngineName(name);
    // Every flow node and sequence flow of the deployed models must be walked by some test of the
    // class.
    return ProcessEngineCoverageExtension.builder(configuration)
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  /**
   * The class's engine, made the one camunda-bpm-assert queries: it keeps the first engine it met
   * in a static, and test classes share a JVM.
   */
  public static org.camunda.bpm.engine.ProcessEngine engineOf(
      ProcessEngineCoverageExtension extension) {
    org.camunda.bpm.engine.ProcessEngine engine = extension.getProcessEngine();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
    return engine;
  }

  /** Stub task listeners, by their bean names, that record "name:event" in {@link #CALLS}. */
  public static void recordTaskListeners(String... names) {
    for (String listener : names) {
      org.camunda.bpm.engine.test.mock.Mocks.register(
          listener,
          (org.camunda.bpm.engine.delegate.TaskListener)
              task -> CALLS.add(listener + ":" + task.getEventName()));
    }
  }

  /** Moves the engine clock to {@code now} and executes every job that is due by then. */
  public static void fireDueJobs(ManagementService management, Date now) {
    ClockUtil.setCurrentTime(now);
    DueJobs.run(management, false);
  }
}
