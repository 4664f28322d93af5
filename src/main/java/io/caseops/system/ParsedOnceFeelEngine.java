package io.caseops.system;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression once instead of on every evaluation. Camunda's
 * {@link ScalaFeelEngine} parses every input entry of every rule and every output each time a
 * decision table runs: for a case's intake that was a tenth of the CPU. A parsed expression is
 * immutable and does not depend on the variables, so it is shared; evaluation is unchanged.
 * Installed by {@link EngineInternals#parsedOnceFeel}.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /** More distinct expressions than deployed decisions ever hold: past it, start afresh. */
  private static final int LIMIT = 20_000;

  private final java.util.Map<String, Either<Failure, ParsedExpression>> expressions =
      new ConcurrentHashMap<>();
  private final java.util.Map<String, Either<Failure, ParsedExpression>> unaryTests =
      new ConcurrentHashMap<>();

  ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
    return (T) valueOf(parsed(expressions, expression, feelEngine::parseExpression), variables);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String expression, String inputVariable, VariableContext variableContext) {
    VariableProvider variables =
        new CompositeVariableProvider(
            toScalaList(
                new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable)),
                new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(
        valueOf(parsed(unaryTests, expression, feelEngine::parseUnaryTests), variables));
  }

  private static Either<Failure, ParsedExpression> parsed(
      java.util.Map<String, Either<Failure, ParsedExpression>> cache,
      String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    if (cache.size() > LIMIT) {
      cache.clear();
    }
    return cache.computeIfAbsent(expression, parser);
  }

  private Object valueOf(Either<Failure, ParsedExpression> parsed, VariableProvider variables) {
    if (parsed instanceof Left<Failure, ParsedExpression> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    CustomContext context =
        new CustomContext() {
          @Override
          public VariableProvider variableProvider() {
            return variables;
          }
        };
    Either<Failure, Object> result =
        feelEngine.eval(((Right<Failure, ParsedExpression>) parsed).value(), context);
    if (result instanceof Left<Failure, Object> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }
}
