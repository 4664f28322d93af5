package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.system.EngineInternals;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;

/**
 * The periods the models hold, read from the deployed BPMN, so that a timer changed in Modeler
 * changes the API's answers and the mails' wording with it: the reopen window ({@code
 * Timer_ReopenWindowOver}, P14D as shipped) and the closure for no answer ({@code Timer_NoAnswer}
 * of CustomerFollowUp, P6D). A case reads the version it runs.
 */
@Component
class CaseModels {

  static final String REOPEN_WINDOW_TIMER = "Timer_ReopenWindowOver";
  static final String NO_ANSWER_TIMER = "Timer_NoAnswer";
  static final String FOLLOW_UP_PROCESS = "CustomerFollowUp";

  private final RepositoryService repository;
  private final HistoryService history;

  /**
   * A timer's duration as the model writes it ({@code P14D}, {@code P2W}, {@code P1M}): counted as
   * the engine counts it, never as a {@link java.time.Duration}, which reads neither weeks nor
   * months and adds 336 hours where the engine adds 14 days across a change of daylight saving.
   */
  record Period(String iso) {

    /** When a timer with this duration started at {@code start} falls due. */
    Instant after(Instant start) {
      return EngineInternals.timerDue(iso, start);
    }

    /** In words, for mails and answers: "14 days", "2 weeks", "1 month"; else as written. */
    String inWords() {
      Matcher simple = SIMPLE.matcher(iso);
      if (!simple.matches()) {
        return iso;
      }
      long amount = Long.parseLong(simple.group(1));
      String unit =
          switch (simple.group(2)) {
            case "D" -> "day";
            case "W" -> "week";
            case "M" -> "month";
            default -> "year";
          };
      return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    private static final Pattern SIMPLE = Pattern.compile("P(\\d+)([DWMY])");
  }

  /** Timer durations by definition id and timer id: a deployed definition never changes. */
  private final Map<String, Period> durations = new ConcurrentHashMap<>();

  /** The no-answer closure by SupportCase version (its deployment's CustomerFollowUp). */
  private final Map<String, Period> noAnswerPeriods = new ConcurrentHashMap<>();

  CaseModels(RepositoryService repository, HistoryService history) {
    this.repository = repository;
    this.history = history;
  }

  /** The reopen window of a SupportCase version. */
  Period reopenWindow(String supportCaseDefinitionId) {
    return timer(supportCaseDefinitionId, REOPEN_WINDOW_TIMER);
  }

  /**
   * How long CustomerFollowUp waits for an answer before it closes the case, for a SupportCase
   * version.
   */
  Period noAnswerAfter(String supportCaseDefinitionId) {
    // Every customer mail quotes it: the lookup of the deployment's follow-up is cached too.
    return noAnswerPeriods.computeIfAbsent(
        supportCaseDefinitionId,
        key -> {
          String deployment =
              repository.getProcessDefinition(supportCaseDefinitionId).getDeploymentId();
          ProcessDefinition followUp =
              repository
                  .createProcessDefinitionQuery()
                  .deploymentId(deployment)
                  .processDefinitionKey(FOLLOW_UP_PROCESS)
                  .singleResult();
          return timer(followUp.getId(), NO_ANSWER_TIMER);
        });
  }

  /** Until when a closed case may be reopened (null while it is open). */
  Instant reopenableUntil(CaseRecord kase) {
    return kase.closedAt() == null
        ? null
        : reopenWindow(definitionOf(kase.caseNumber())).after(kase.closedAt());
  }

  /** The SupportCase version a case runs (or ran). */
  String definitionOf(String caseNumber) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(CaseEngine.PROCESS)
            .processInstanceBusinessKey(caseNumber)
            .singleResult();
    return instance == null ? latest(CaseEngine.PROCESS) : instance.getProcessDefinitionId();
  }

  private String latest(String key) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private Period timer(String definitionId, String timerId) {
    return durations.computeIfAbsent(
        definitionId + "/" + timerId,
        key -> {
          TimerEventDefinition timer =
              repository
                  .getBpmnModelInstance(definitionId)
                  .getModelElementById(timerId)
                  .getChildElementsByType(TimerEventDefinition.class)
                  .iterator()
                  .next();
          if (timer.getTimeDuration() == null) {
            throw new IllegalStateException(
                timerId + " of " + definitionId + " must be a timer with a duration");
          }
          Period period = new Period(timer.getTimeDuration().getTextContent().strip());
          period.after(Instant.EPOCH); // read as the engine reads it, or fail here
          return period;
        });
  }
}
