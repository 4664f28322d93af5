package io.caseops.cases;

import static io.caseops.cases.CaseVariables.*;

import io.caseops.entitlement.Entitlement;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.EntitlementRefusedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LookUpEntitlement}: the entitlement lookup as a process step. Sets the plan-level
 * variables the decisions and the schedule read; a refusal becomes the BPMN error {@code
 * entitlement-refused} with its reason.
 */
@Component("entitlementLookupDelegate")
class EntitlementLookupDelegate implements JavaDelegate {

  static final String REFUSED = "entitlement-refused";

  private final EntitlementLookup lookup;
  private final CaseRecords records;

  EntitlementLookupDelegate(EntitlementLookup lookup, CaseRecords records) {
    this.lookup = lookup;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables variables = CaseVariables.of(execution);
    Entitlement entitlement;
    try {
      entitlement =
          lookup.lookup(
              new EntitlementLookup.Request(
                  variables.submitter(),
                  variables.product(),
                  variables.requestedRegion(),
                  variables.requestedLanguage()));
    } catch (EntitlementRefusedException refused) {
      throw new BpmnError(REFUSED, refused.getMessage());
    }
    variables.set(ACCOUNT_ID, entitlement.accountId());
    variables.set(CATALOGUE, entitlement.catalogue());
    variables.set(PLAN, entitlement.planName());
    variables.set(REGION, entitlement.region());
    variables.set(LANGUAGE, entitlement.language());
    variables.set(LICENCE_START, entitlement.licenceStart().toString());
    variables.set(PRIORITY_QUEUE, entitlement.priorityQueue());
    variables.set(REGION_TEAM, entitlement.regionTeam());
    variables.set(DESIGNATED_ESCALATION_MANAGER, entitlement.designatedEscalationManager());
    records.entitled(
        execution.getProcessBusinessKey(),
        entitlement.accountId(),
        entitlement.planName(),
        entitlement.region(),
        entitlement.language());
  }
}
