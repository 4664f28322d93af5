package io.caseops.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
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
      EngineInternals.parsedOnceFeel(DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
          .buildEngine();

  /**
   * Parsed decisions by decision definition id: a deployed definition never changes, a redeployment
   * gets a new id.
   */
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /**
   * Results by definition id and inputs. A deployed table gives the same answer for the same
   * inputs, unless it reads the clock (FEEL's now() or today()): those are evaluated every time.
   * Inputs are few values from small sets (a catalogue and a plan, a severity and a time slot), so
   * this stays small; past {@link #REMEMBERED} it starts afresh.
   */
  private final Map<Evaluation, DmnDecisionResult> results = new ConcurrentHashMap<>();

  static final int REMEMBERED = 10_000;

  /** How long the latest definition of a key is taken as known without asking the database. */
  static final Duration LATEST_FOR = Duration.ofSeconds(5);

  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  private record Latest(String definitionId, long lookedUpAt, long generation) {}

  private record Parsed(DmnDecision decision, boolean readsClock) {}

  private record Evaluation(String definitionId, Map<String, Object> inputs) {}

  PureDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  /**
   * The result of the latest deployed decision {@code key} for these inputs. The result may be
   * shared with other callers: read it, never change it.
   */
  public DmnDecisionResult evaluate(String key, Map<String, Object> inputs) {
    String definitionId = latestId(key);
    Parsed decision = parsed.computeIfAbsent(definitionId, id -> parse(key, id));
    if (decision.readsClock()) {
      return dmn.evaluateDecision(decision.decision(), Variables.fromMap(inputs));
    }
    if (results.size() > REMEMBERED) {
      results.clear();
    }
    return results.computeIfAbsent(
        new Evaluation(definitionId, new HashMap<>(inputs)),
        evaluation -> dmn.evaluateDecision(decision.decision(), Variables.fromMap(inputs)));
  }

  /** The latest deployed model of decision {@code key}, for reading its rules. */
  public DmnModelInstance latestModel(String key) {
    String definitionId = latestId(key);
    return EngineInternals.withoutAuthorization(() -> repository.getDmnModelInstance(definitionId));
  }

  /**
   * The id of the latest deployed definition of {@code key}, looked up in the database at most
   * every {@link #LATEST_FOR}, and at once after this node parsed a decision (a deployment here). A
   * version deployed on another node is used here within {@link #LATEST_FOR}.
   */
  private String latestId(String key) {
    long generation = EngineInternals.decisionsParsed();
    // An expiry, not policy time: the engine clock, which tests stop, must not keep it forever.
    long now = System.nanoTime();
    Latest known = latest.get(key);
    if (known != null
        && known.generation() == generation
        && now - known.lookedUpAt() < LATEST_FOR.toNanos()) {
      return known.definitionId();
    }
    String definitionId =
        EngineInternals.withoutAuthorization(
            () -> {
              DecisionDefinition definition =
                  repository
                      .createDecisionDefinitionQuery()
                      .decisionDefinitionKey(key)
                      .latestVersion()
                      .singleResult();
              if (definition == null) {
                throw new IllegalStateException("No decision '" + key + "' is deployed");
              }
              return definition.getId();
            });
    latest.put(key, new Latest(definitionId, now, generation));
    return definitionId;
  }

  private Parsed parse(String key, String definitionId) {
    return EngineInternals.withoutAuthorization(
        () -> {
          DmnModelInstance model = repository.getDmnModelInstance(definitionId);
          String text = Dmn.convertToString(model);
          return new Parsed(
              dmn.parseDecision(key, model), text.contains("now()") || text.contains("today()"));
        });
  }
}
