package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordFirstResponse}: the engineer responded (did not just reclassify) in a task the
 * model marks as the case's first response; the response is recorded against the target in {@code
 * sla_record}, met or missed. A case without a target has nothing to record, and a later response
 * leaves the record as it is.
 */
@Component("firstResponseRecord")
class FirstResponseRecord implements JavaDelegate {

  /**
   * The extension property that marks a user task as the first response ({@code camunda:property}).
   */
  static final String MARK = "firstResponse";

  private final CaseRecords records;
  private final EngineClock clock;

  FirstResponseRecord(CaseRecords records, EngineClock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    CaseRecord kase = records.lock(execution.getProcessBusinessKey()).orElseThrow();
    if (kase.responseTarget() == null) {
      return;
    }
    records.recordFirstResponse(
        kase.caseNumber(),
        kase.responseTarget(),
        variables.responseClock().value(),
        variables.responseCoverage().value(),
        kase.dueAt(),
        clock.instant(),
        variables.respondedBy());
  }

  /** Whether the model marks this user task as the case's first response. */
  static boolean isFirstResponse(DelegateTask task) {
    BaseElement element = task.getBpmnModelElementInstance();
    return element != null
        && element.getExtensionElements() != null
        && element
            .getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaProperties.class)
            .list()
            .stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .anyMatch(
                property ->
                    MARK.equals(property.getCamundaName())
                        && "true".equals(property.getCamundaValue()));
  }
}
