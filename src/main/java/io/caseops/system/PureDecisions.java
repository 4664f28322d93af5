package io.caseops.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision with a DMN engine of its own, so that nothing
 * is written to the decision history: for look-ups (what a plan includes, an allowance) and public
 * quotes, which decide nothing about a case. The decisions that classify a case run as business
 * rule tasks of SupportCase.bpmn and keep their history in Cockpit. Being free of writes, an
 * evaluation also works in a read-only transaction (PostgreSQL refuses writes there).
 */
@Component
public class PureDecisions {

  private final RepositoryService repository;
  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /**
   * Parsed decisions by decision definition id: a deployed definition never changes, a redeployment
   * gets a new id.
   */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  PureDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  /** The result of the latest deployed decision {@code key} for these inputs. */
  public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
    DmnDecision decision =
        EngineInternals.withoutAuthorization(
            () -> {
              DecisionDefinition latest =
                  repository
                      .createDecisionDefinitionQuery()
                      .decisionDefinitionKey(key)
                      .latestVersion()
                      .singleResult();
              if (latest == null) {
                throw new IllegalStateException("No decision '" + key + "' is deployed");
              }
              return parsed.computeIfAbsent(
                  latest.getId(), id -> dmn.parseDecision(key, repository.getDmnModelInstance(id)));
            });
    return dmn.evaluateDecision(decision, Variables.fromMap(inputs));
  }
}
