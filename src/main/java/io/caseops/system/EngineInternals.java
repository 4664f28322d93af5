package io.caseops.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place CaseOps uses the engine's internals ({@code org.camunda.bpm.engine.impl}), which
 * Camunda may change in any release: the upgrade hotspot (docs/operations.md). Everything else goes
 * through the public API. {@code ArchitectureTest} keeps it so. What is here, and why the public
 * API does not do it:
 *
 * <ul>
 *   <li>the engine's clock ({@link #now()}), which tests move;
 *   <li>CaseOps' own reads inside a command without the user's authorizations ({@link
 *       #withoutAuthorization});
 *   <li>{@link BackgroundJob}s (the mail outbox): queued in the step's transaction ({@link
 *       #queue}), run by the job executor with a retry cycle of their own, their incidents shown on
 *       the case in Cockpit;
 *   <li>the job executor woken when a job falls due ({@link JobsDue}, {@link #wakeJobExecutor}),
 *       which the engine does only for a job due within its wait time;
 *   <li>String variables longer than the engine's 4,000-character text column, stored as bytes;
 *   <li>every deployed decision checked against the value sets its columns declare ({@link
 *       DecisionValues}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class EngineInternals {

  /** The engine's text columns hold 4,000 characters (varchar(4000) on H2 and PostgreSQL). */
  public static final int TEXT_COLUMN = 4000;

  static final String LONG_STRING = "caseops-long-string";

  /** Work CaseOps runs on the engine's job executor, on any node, with its own retry cycle. */
  public interface BackgroundJob {
    /** The job type, stored with each job ({@code ACT_RU_JOB.HANDLER_TYPE_}). */
    String type();

    /**
     * Camunda's retry-cycle syntax (e.g. {@code PT1M,PT5M}); after the last attempt, an incident.
     */
    String retryCycle();

    /** Does the work; an exception rolls it back and schedules the next attempt. */
    void run(String configuration);
  }

  /**
   * Told the due instant of each job this node creates (from the engine's job log, written at
   * history level full) and of each failed job's next attempt, in the command that schedules it.
   */
  public interface JobsDue {
    void dueAt(Instant due);
  }

  /** Makes this node's job executor look for due jobs now, if it runs. */
  public static void wakeJobExecutor(ProcessEngine engine) {
    JobExecutor executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    if (executor != null && executor.isActive()) {
      executor.jobWasAdded();
    }
  }

  /**
   * Moves the engine's clock, for every thread: only for the demo's history, written on a first
   * start before the job executor runs ({@code null}: back to the system clock).
   */
  public static void moveClock(Instant to) {
    if (to == null) {
      ClockUtil.reset();
    } else {
      ClockUtil.setCurrentTime(Date.from(to));
    }
  }

  /** The engine's "now", which tests move with ClockUtil. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /**
   * When a BPMN timer with this duration ({@code P14D}, {@code P2W}, {@code P1M}, {@code PT4H}),
   * started at {@code start}, falls due: the engine's own arithmetic (days and months in the JVM's
   * zone, across daylight saving as the engine counts them), so that what CaseOps tells a customer
   * is the instant the timer fires.
   */
  public static Instant timerDue(String duration, Instant start) {
    try {
      Date from = Date.from(start);
      return new org.camunda.bpm.engine.impl.calendar.DurationHelper(duration, from)
          .getDateAfter(from)
          .toInstant();
    } catch (Exception unreadable) {
      throw new IllegalArgumentException(
          "'" + duration + "' is not an ISO-8601 duration the engine reads", unreadable);
    }
  }

  /**
   * The password policy the engine will enforce, asked before it is built (it makes its default one
   * only in its own set-up).
   */
  static PasswordPolicy passwordPolicy(ProcessEngineConfigurationImpl configuration) {
    return configuration.getPasswordPolicy() != null
        ? configuration.getPasswordPolicy()
        : new DefaultPasswordPolicyImpl();
  }

  /** The staff user logged in on this thread (Tasklist, engine REST), if any. */
  public static Optional<String> currentUserId(IdentityService identity) {
    return Optional.ofNullable(identity.getCurrentAuthentication())
        .map(authentication -> authentication.getUserId());
  }

  /** Whether the caller runs inside an engine command (a delegate, a listener). */
  public static boolean inCommand() {
    return Context.getCommandContext() != null;
  }

  /** Runs a read for CaseOps itself inside a command, whoever's request or task it serves. */
  public static <T> T withoutAuthorization(Supplier<T> read) {
    CommandContext command = Context.getCommandContext();
    return command == null ? read.get() : command.runWithoutAuthorization(read::get);
  }

  /**
   * Runs CaseOps work as one engine command, in the caller's transaction: for a staff action
   * outside any process (an outage update to many cases) that queues mails, which go out through
   * jobs.
   */
  public static <T> T command(ProcessEngine engine, Supplier<T> work) {
    if (inCommand()) {
      return work.get();
    }
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(context -> work.get());
  }

  /**
   * Queues a background job in the current command's transaction. It is linked to the case's
   * process instance (not to an execution, whose end would delete it), so that its incident shows
   * on the case in Cockpit; it is not exclusive, so it neither waits for nor holds up the case's
   * own jobs.
   */
  public static void queue(String type, String configuration, String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      throw new IllegalStateException(
          "background jobs are queued inside an engine command (a delegate or listener)");
    }
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(type);
    job.setJobHandlerConfigurationRaw(configuration);
    job.setExclusive(false);
    ExecutionEntity execution =
        processInstanceId == null
            ? null
            : command.getExecutionManager().findExecutionById(processInstanceId);
    if (execution != null) {
      job.setProcessInstanceId(execution.getProcessInstanceId());
      job.setProcessDefinitionId(execution.getProcessDefinitionId());
      job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
      job.setDeploymentId(execution.getProcessDefinition().getDeploymentId());
    }
    command.getJobManager().send(job);
  }

  /**
   * Makes a DMN engine configuration use {@link ParsedOnceFeelEngine}, with the FEEL functions the
   * configuration has when its engine is built.
   */
  public static <T extends DmnEngineConfiguration> T parsedOnceFeel(T configuration) {
    DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) configuration;
    dmn.setFeelEngineFactory(
        () ->
            new ParsedOnceFeelEngine(
                Optional.ofNullable(dmn.getFeelCustomFunctionProviders()).orElse(List.of())));
    return configuration;
  }

  @Bean
  AbstractProcessEnginePlugin caseOpsEnginePlugin(
      List<BackgroundJob> jobs, ObjectProvider<JobsDue> jobsDue) {
    JobsDue dueAt = due -> jobsDue.ifAvailable(listener -> listener.dueAt(due));
    Map<String, FailedJobRetryConfiguration> cycles =
        jobs.stream()
            .collect(
                Collectors.toMap(
                    BackgroundJob::type,
                    job -> {
                      FailedJobRetryConfiguration cycle =
                          ParseUtil.parseRetryIntervals(job.retryCycle());
                      if (cycle == null) {
                        throw new IllegalArgumentException(
                            "The retry cycle '"
                                + job.retryCycle()
                                + "' of "
                                + job.type()
                                + " is no retry cycle: give e.g. R5/PT5M or PT1M,PT10M,PT1H");
                      }
                      return cycle;
                    }));
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDmnEngineConfiguration(
            parsedOnceFeel(
                configuration.getDmnEngineConfiguration() != null
                    ? configuration.getDmnEngineConfiguration()
                    : (DefaultDmnEngineConfiguration)
                        DmnEngineConfiguration.createDefaultDmnEngineConfiguration()));
        if (configuration.getCustomJobHandlers() == null) {
          configuration.setCustomJobHandlers(new ArrayList<>());
        }
        jobs.forEach(job -> configuration.getCustomJobHandlers().add(new Handler(job)));
        configuration.setFailedJobCommandFactory(
            (jobId, exception) -> new RetryCmd(jobId, exception, cycles::get, dueAt));
        if (configuration.getCustomHistoryEventHandlers() == null) {
          configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new JobCreated(dueAt));
        if (configuration.getCustomPreVariableSerializers() == null) {
          configuration.setCustomPreVariableSerializers(new ArrayList<>());
        }
        configuration.getCustomPreVariableSerializers().add(new LongStrings());
      }

      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration
            .getDmnEngineConfiguration()
            .getTransformer()
            .getTransformListeners()
            .add(new DeclaredValuesCheck());
      }
    };
  }

  /**
   * How many decisions this node's engine has parsed: it rises when a DMN is deployed here (and
   * when a definition is first loaded), so that {@link PureDecisions} looks the latest version up
   * again at once.
   */
  static long decisionsParsed() {
    return DECISIONS_PARSED.get();
  }

  private static final AtomicLong DECISIONS_PARSED = new AtomicLong();

  /**
   * Every deployed decision is checked against its declared value sets ({@link DecisionValues}),
   * and counted ({@link #decisionsParsed}).
   */
  private static final class DeclaredValuesCheck implements DmnTransformListener {
    @Override
    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
      DECISIONS_PARSED.incrementAndGet();
      List<String> problems = DecisionValues.problems(decision);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "The decision "
                + decision.getId()
                + " names values its columns do not declare (fix the row, or the column's list of values in"
                + " Modeler): "
                + String.join("; ", problems));
      }
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

    @Override
    public void transformDecisionRequirementsGraph(
        Definitions definitions, DmnDecisionRequirementsGraph graph) {}
  }

  /** A background job as the engine's job executor sees it. */
  private record Handler(BackgroundJob job) implements JobHandler<JobConfiguration> {
    @Override
    public String getType() {
      return job.type();
    }

    @Override
    public void execute(
        JobConfiguration configuration,
        ExecutionEntity execution,
        CommandContext commandContext,
        String tenantId) {
      job.run(configuration.value());
    }

    @Override
    public JobConfiguration newConfiguration(String canonicalString) {
      return new JobConfiguration(canonicalString);
    }

    @Override
    public void onDelete(JobConfiguration configuration, JobEntity jobEntity) {
      // The job's own records (an outbox row) stay: they are the record of what was, or was not,
      // done.
    }
  }

  private record JobConfiguration(String value) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return value;
    }
  }

  /** Passes on the due instant of each job created with one (timers), from the engine's job log. */
  private record JobCreated(JobsDue jobsDue) implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricJobLogEvent log
          && event.isEventOfType(HistoryEventTypes.JOB_CREATE)
          && log.getJobDueDate() != null) {
        jobsDue.dueAt(log.getJobDueDate().toInstant());
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /**
   * The engine's own retry command, with each background job's cycle (the engine applies retry
   * cycles only to jobs of a BPMN activity; without this, a failed background job would be retried
   * three times at once, then given up).
   */
  private static final class RetryCmd extends DefaultJobRetryCmd {

    private final Function<String, FailedJobRetryConfiguration> cycles;
    private final JobsDue jobsDue;

    RetryCmd(
        String jobId,
        Throwable exception,
        Function<String, FailedJobRetryConfiguration> cycles,
        JobsDue jobsDue) {
      super(jobId, exception);
      this.cycles = cycles;
      this.jobsDue = jobsDue;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null || cycles.apply(job.getJobHandlerType()) == null) {
        super.execute(commandContext);
      } else {
        try {
          executeCustomStrategy(commandContext, job, null);
        } catch (Exception e) {
          executeStandardStrategy(commandContext);
        }
        if (job.getRetries() == 0) {
          showOnTheCase(commandContext, job);
        }
      }
      // The next attempt is due later: wake the job executor then, not at its next poll.
      if (job != null && job.getRetries() > 0 && job.getDuedate() != null) {
        jobsDue.dueAt(job.getDuedate().toInstant());
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(
        JobEntity job, ActivityImpl activity) {
      FailedJobRetryConfiguration cycle = cycles.apply(job.getJobHandlerType());
      return cycle != null ? cycle : super.getFailedJobRetryConfiguration(job, activity);
    }

    /**
     * The engine links a job's incident to the job's execution, and a background job has none.
     * While the case's process runs, attach the new incident to it, so Cockpit shows it on the
     * case.
     */
    private static void showOnTheCase(CommandContext commandContext, JobEntity job) {
      ExecutionEntity instance =
          job.getProcessInstanceId() == null
              ? null
              : commandContext.getExecutionManager().findExecutionById(job.getProcessInstanceId());
      if (instance == null) {
        return;
      }
      commandContext.getDbEntityManager().getCachedEntitiesByType(IncidentEntity.class).stream()
          .filter(
              incident ->
                  job.getId().equals(incident.getConfiguration())
                      && incident.getExecutionId() == null)
          .forEach(incident -> incident.setExecution(instance));
    }
  }

  /**
   * A second serializer of the String type, for values longer than {@link #TEXT_COLUMN}: stored as
   * UTF-8 bytes in {@code ACT_GE_BYTEARRAY}, read back as ordinary Strings. Tasklist submits every
   * text field of a Camunda Form as a String, so an engineer's long reply, note or RCA document
   * would otherwise fail the whole completion. Shorter strings keep the engine's serializer,
   * readable in Cockpit. Remove this only once no variable of type {@value #LONG_STRING} is left in
   * runtime and history.
   */
  private static final class LongStrings extends PrimitiveValueSerializer<StringValue> {

    LongStrings() {
      super(ValueType.STRING);
    }

    @Override
    public String getName() {
      return LONG_STRING;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value.getValue() instanceof String text && text.length() > TEXT_COLUMN;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
      return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
    }

    @Override
    public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
      byte[] bytes = valueFields.getByteArrayValue();
      return Variables.stringValue(
          bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }

    @Override
    public void writeValue(StringValue value, ValueFields valueFields) {
      valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }
  }
}
