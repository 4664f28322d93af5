package io.caseops.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * The closed value sets a decision table declares ({@code inputValues} and {@code outputValues},
 * the lists Modeler offers) against its rows: a row that names a value outside its column's set is
 * a typo, and the deployment fails with it ({@link EngineInternals} runs this on every deployed
 * decision) instead of the first case that meets the row. Only entries that are string literals are
 * checked; ranges, negations of ranges and expressions are not.
 */
public final class DecisionValues {

  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern LITERAL_LIST =
      Pattern.compile("\\s*(not\\(\\s*)?\"[^\"]*\"(\\s*,\\s*\"[^\"]*\")*\\s*\\)?\\s*");

  private DecisionValues() {}

  /**
   * What the decision's rows name outside its declared sets, one sentence each; empty when all is
   * well.
   */
  public static List<String> problems(Decision decision) {
    List<String> problems = new ArrayList<>();
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      List<Input> inputs = List.copyOf(table.getInputs());
      List<Output> outputs = List.copyOf(table.getOutputs());
      int row = 0;
      for (Rule rule : table.getRules()) {
        row++;
        List<String> inputEntries =
            rule.getInputEntries().stream().map(entry -> text(entry.getText())).toList();
        List<String> outputEntries =
            rule.getOutputEntries().stream().map(entry -> text(entry.getText())).toList();
        for (int i = 0; i < inputs.size() && i < inputEntries.size(); i++) {
          UnaryTests declared = inputs.get(i).getInputValues();
          check(
              problems,
              decision,
              row,
              inputs.get(i).getLabel(),
              declared == null ? null : text(declared.getText()),
              inputEntries.get(i));
        }
        for (int o = 0; o < outputs.size() && o < outputEntries.size(); o++) {
          UnaryTests declared = outputs.get(o).getOutputValues();
          check(
              problems,
              decision,
              row,
              outputs.get(o).getName(),
              declared == null ? null : text(declared.getText()),
              outputEntries.get(o));
        }
      }
    }
    return problems;
  }

  /** The values a declared set lists. */
  public static Set<String> values(String declared) {
    Set<String> values = new LinkedHashSet<>();
    Matcher matcher = LITERAL.matcher(declared == null ? "" : declared);
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }

  private static void check(
      List<String> problems,
      Decision decision,
      int row,
      String column,
      String declared,
      String entry) {
    if (declared == null || declared.isBlank() || !LITERAL_LIST.matcher(entry).matches()) {
      return;
    }
    Set<String> allowed = values(declared);
    for (String value : values(entry)) {
      if (!allowed.contains(value)) {
        problems.add(
            decision.getId()
                + " row "
                + row
                + ": "
                + column
                + " is \""
                + value
                + "\", which is not one of "
                + allowed);
      }
    }
  }

  private static String text(org.camunda.bpm.model.dmn.instance.Text text) {
    return text == null || text.getTextContent() == null ? "" : text.getTextContent().strip();
  }
}
