package io.caseops.notification;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.stereotype.Component;

/**
 * Registers the mail job with the engine, and gives it a retry cycle. The engine applies a retry cycle only to jobs
 * of a BPMN activity; without this, a failed send would be retried three times at once and then give up.
 */
@Component
class MailJobRetries extends AbstractProcessEnginePlugin {

  private final SendMailJobHandler handler;
  private final FailedJobRetryConfiguration cycle;

  MailJobRetries(org.springframework.jdbc.core.JdbcTemplate jdbc,
                 org.springframework.mail.javamail.JavaMailSender sender, MailProperties properties,
                 io.caseops.system.EngineClock clock) {
    this.handler = new SendMailJobHandler(jdbc, sender, properties, clock);
    this.cycle = ParseUtil.parseRetryIntervals(properties.retryCycle());
    if (cycle == null) {
      throw new IllegalArgumentException("caseops.mail.retry-cycle '" + properties.retryCycle()
          + "' is no retry cycle: give e.g. R5/PT5M or PT1M,PT10M,PT1H");
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(handler);
    configuration.setFailedJobCommandFactory((jobId, exception) -> new RetryCmd(jobId, exception, cycle));
  }

  /** The engine's own retry command, with the mail cycle for mail jobs. */
  static class RetryCmd extends DefaultJobRetryCmd {

    private final FailedJobRetryConfiguration cycle;

    RetryCmd(String jobId, Throwable exception, FailedJobRetryConfiguration cycle) {
      super(jobId, exception);
      this.cycle = cycle;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null || !SendMailJobHandler.TYPE.equals(job.getJobHandlerType())) {
        return super.execute(commandContext);
      }
      try {
        executeCustomStrategy(commandContext, job, null);
      } catch (Exception e) {
        executeStandardStrategy(commandContext);
      }
      if (job.getRetries() == 0) {
        showOnTheCase(commandContext, job);
      }
      return null;
    }

    /**
     * The engine links a job's incident to the job's execution, and a mail job has none (an execution's end would
     * delete its jobs). While the case's process runs, attach the new incident to it, so Cockpit shows it on the case.
     */
    private static void showOnTheCase(CommandContext commandContext, JobEntity job) {
      ExecutionEntity instance = job.getProcessInstanceId() == null ? null
          : commandContext.getExecutionManager().findExecutionById(job.getProcessInstanceId());
      if (instance == null) {
        return;
      }
      commandContext.getDbEntityManager().getCachedEntitiesByType(IncidentEntity.class).stream()
          .filter(incident -> job.getId().equals(incident.getConfiguration()) && incident.getExecutionId() == null)
          .forEach(incident -> incident.setExecution(instance));
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return SendMailJobHandler.TYPE.equals(job.getJobHandlerType()) ? cycle
          : super.getFailedJobRetryConfiguration(job, activity);
    }
  }
}
