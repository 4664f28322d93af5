package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The FEEL engine that parses once answers as Camunda's own does, the second time as the first. */
class ParsedOnceFeelEngineTest {

  private final FeelEngine camunda = new ScalaFeelEngine(List.of());
  private final FeelEngine parsedOnce =
      EngineInternals.parsedOnceFeel(new DefaultDmnEngineConfiguration())
          .getFeelEngineFactory()
          .createInstance();

  private static VariableContext variables(String plan, int severity) {
    return Variables.createVariables()
        .putValue("plan", plan)
        .putValue("severity", severity)
        .asVariableContext();
  }

  @Test
  void unaryTestsAnswerAsCamundasEngineDoesEveryTime() {
    for (String test : List.of("\"Gold\",\"Platinum\"", "not(\"Orange\")", "-", "\"Silver\"")) {
      for (String plan : List.of("Gold", "Orange", "Silver")) {
        boolean expected = camunda.evaluateSimpleUnaryTests(test, "plan", variables(plan, 2));
        for (int time = 0; time < 2; time++) {
          assertThat(parsedOnce.evaluateSimpleUnaryTests(test, "plan", variables(plan, 2)))
              .as("%s against %s, evaluation %d", test, plan, time + 1)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void expressionsSeeEachEvaluationsOwnVariables() {
    String expression = "if severity <= 2 then \"PT1H\" else \"PT4H\"";
    assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, variables("Gold", 1)))
        .isEqualTo("PT1H");
    assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, variables("Gold", 3)))
        .isEqualTo("PT4H")
        .isEqualTo(camunda.evaluateSimpleExpression(expression, variables("Gold", 3)));
  }

  @Test
  void aBrokenExpressionFailsAsWithCamundasEngineEveryTime() {
    for (int time = 0; time < 2; time++) {
      assertThatThrownBy(
              () -> parsedOnce.evaluateSimpleUnaryTests("> > 3", "severity", variables("Gold", 1)))
          .isInstanceOf(FeelException.class)
          .hasMessageContaining("> > 3");
    }
  }
}
