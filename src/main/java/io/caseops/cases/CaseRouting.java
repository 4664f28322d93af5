package io.caseops.cases;

import static io.caseops.cases.CaseVariables.*;

import io.caseops.sla.Coverage;
import io.caseops.sla.FollowTheSun;
import io.caseops.system.EngineInternals;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Which team holds a case. A case whose target counts business hours stays with its region's team.
 * A case whose target runs around the clock (24x7, 24x5) is held by a team at work now ({@link
 * FollowTheSun}) and moved on by its FollowTheSun process as each holder's region closes.
 */
@Component
class CaseRouting {

  static final String PROCESS = "FollowTheSun";

  private final FollowTheSun sun;
  private final RuntimeService runtime;

  CaseRouting(FollowTheSun sun, RuntimeService runtime) {
    this.sun = sun;
    this.runtime = runtime;
  }

  /**
   * Routes the case at its current severity, whose target counts {@code coverage} hours: returns
   * the team that takes it now, and (re)starts or stops its hand-offs. Called at intake and at
   * every reclassification, so a case lowered out of a round-the-clock target leaves the rotation.
   */
  String route(String caseNumber, CaseVariables variables, Coverage coverage) {
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(caseNumber)
        .list()
        .forEach(
            instance ->
                runtime.deleteProcessInstance(
                    instance.getId(), "rerouted: the case's severity changed", true, true));
    if (coverage == Coverage.BUSINESS_HOURS) {
      return variables.regionTeam();
    }
    FollowTheSun.Holder holder =
        sun.holder(
            variables.catalogue(), variables.region(), variables.language(), EngineInternals.now());
    if (holder.until() != null) {
      runtime
          .createProcessInstanceByKey(PROCESS)
          .businessKey(caseNumber)
          .setVariable(CATALOGUE, variables.catalogue())
          .setVariable(REGION, variables.region())
          .setVariable(LANGUAGE, variables.language())
          .setVariable(RESPONSE_COVERAGE, coverage.value())
          .setVariable(HAND_OFF_AT, Date.from(holder.until()))
          .execute();
    }
    return holder.team();
  }
}
