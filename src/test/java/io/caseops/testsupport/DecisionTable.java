package io.caseops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.system.EngineInternals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision of {@code processes/}, evaluated by Camunda's DMN engine without a process engine,
 * reporting which rule rows matched so that a test can prove it has a case for every row.
 */
public final class DecisionTable {

  /** The outcome of one evaluation: the matched rows (in order) and the first result's outputs. */
  public record Outcome(List<String> matchedRules, Map<String, Object> outputs) {
    public String rule() {
      if (matchedRules.size() != 1) {
        throw new AssertionError("expected exactly one matching row, got " + matchedRules);
      }
      return matchedRules.get(0);
    }
  }

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final Set<String> allRules = new TreeSet<>();
  private final List<String> lastMatch = new ArrayList<>();

  public DecisionTable(String decisionId) {
    Path file = Path.of("processes", decisionId + ".dmn");
    // The FEEL engine the service runs, so that every decision test covers it too.
    DefaultDmnEngineConfiguration configuration =
        EngineInternals.parsedOnceFeel(new DefaultDmnEngineConfiguration());
    configuration.customPostDecisionTableEvaluationListeners(
        List.of(
            new DmnDecisionTableEvaluationListener() {
              @Override
              public void notify(DmnDecisionTableEvaluationEvent event) {
                event.getMatchingRules().stream()
                    .map(DmnEvaluatedDecisionRule::getId)
                    .forEach(lastMatch::add);
              }
            }));
    this.engine = configuration.buildEngine();
    try (InputStream in = Files.newInputStream(file)) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      model.getModelElementsByType(Rule.class).forEach(rule -> allRules.add(rule.getId()));
      this.decision = engine.parseDecision(decisionId, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Outcome evaluate(Map<String, Object> inputs) {
    lastMatch.clear();
    DmnDecisionResultEntries first =
        engine.evaluateDecision(decision, Variables.fromMap(inputs)).getFirstResult();
    Map<String, Object> outputs =
        first == null ? Map.of() : new LinkedHashMap<>(first.getEntryMap());
    return new Outcome(List.copyOf(lastMatch), outputs);
  }

  public Set<String> allRules() {
    return allRules;
  }

  /**
   * Fails unless the test table names every rule row of the decision, and no row the decision
   * lacks.
   */
  public void assertEveryRowHasACase(Stream<String> rulesOfTheTestTable) {
    Set<String> named = rulesOfTheTestTable.collect(Collectors.toCollection(TreeSet::new));
    assertThat(named).as("rule rows with a test case").isEqualTo(allRules);
  }

  /** Convenience for building input maps that may hold nulls (Map.of does not). */
  public static Map<String, Object> inputs(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
