package io.caseops.cases;

import io.caseops.system.Api;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * A case's SupportCase process instance, for links into Cockpit and for the SLA terms the process
 * holds (clock and coverage of the initial-response target). Read from the history (level full), so
 * that closed cases have theirs too.
 */
@Api
@Component
public class CaseInstances {

  /** The terms of a case's initial-response target as its process computed them. */
  @Api
  public record ResponseTerms(String processInstanceId, String clock, String coverage) {}

  private final HistoryService history;

  CaseInstances(HistoryService history) {
    this.history = history;
  }

  /** Process instance ids by case number; the running instance where there is one. */
  public Map<String, String> processInstances(Collection<String> caseNumbers) {
    Map<String, String> ids = new HashMap<>();
    if (caseNumbers.isEmpty()) {
      return ids;
    }
    history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseIntake.PROCESS)
        .processInstanceBusinessKeyIn(caseNumbers.toArray(String[]::new))
        .list()
        .stream()
        .sorted(RUNNING_LAST_STARTED_LAST)
        .forEach(instance -> ids.put(instance.getBusinessKey(), instance.getId()));
    return ids;
  }

  public Optional<ResponseTerms> responseTerms(String caseNumber) {
    String id = processInstances(List.of(caseNumber)).get(caseNumber);
    if (id == null) {
      return Optional.empty();
    }
    Map<String, Object> values = new HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(id)
        .variableNameIn(CaseVariables.RESPONSE_CLOCK, CaseVariables.RESPONSE_COVERAGE)
        .list()
        .stream()
        // The process instance's own, not a local one of an activity's scope.
        .filter(variable -> id.equals(variable.getExecutionId()))
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return Optional.of(
        new ResponseTerms(
            id,
            (String) values.get(CaseVariables.RESPONSE_CLOCK),
            (String) values.get(CaseVariables.RESPONSE_COVERAGE)));
  }

  /** Finished before running, then by start: the last one put in a map wins. */
  private static final Comparator<HistoricProcessInstance> RUNNING_LAST_STARTED_LAST =
      Comparator.comparing((HistoricProcessInstance instance) -> instance.getEndTime() == null)
          .thenComparing(HistoricProcessInstance::getStartTime);
}
