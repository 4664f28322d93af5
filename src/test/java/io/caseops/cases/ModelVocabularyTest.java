package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strings the models, forms and tables use are the Java enums' values, as sets: a value renamed
 * on one side only (a select option, a gateway condition, an input parameter) fails here, not on
 * the first case that takes the path.
 */
class ModelVocabularyTest {

  @ParameterizedTest
  @ValueSource(strings = {"RespondToCustomer", "WorkCase"})
  void theFormsOfferExactlyTheEngineersNextSteps(String form) throws IOException {
    assertThat(selectValues(form, CaseVariables.ACTION))
        .containsExactlyInAnyOrderElementsOf(ModelValue.values(NextStep.class));
  }

  @Test
  void theGatewaysRouteOnTheNextStepsWithKeepWorkingAsTheDefault() throws IOException {
    Set<String> routed = literals("processes/SupportCase.bpmn", "action == '([a-z-]+)'");
    routed.add(NextStep.KEEP_WORKING.value());
    assertThat(routed).containsExactlyInAnyOrderElementsOf(ModelValue.values(NextStep.class));
    assertThat(Files.readString(Path.of("processes/SupportCase.bpmn")))
        .contains("default=\"Flow_KeepWorking\"")
        .contains("default=\"Flow_Responded\"");
  }

  @Test
  void followUpOutcomesAreSetAndRoutedByTheirValues() throws IOException {
    assertThat(
            literals(
                "processes/CustomerFollowUp.bpmn",
                "setVariable\\('followUpOutcome', '([a-z-]+)'\\)"))
        .containsExactlyInAnyOrderElementsOf(ModelValue.values(FollowUpOutcome.class));
    assertThat(literals("processes/SupportCase.bpmn", "followUpOutcome == '([a-z-]+)'"))
        .isSubsetOf(ModelValue.values(FollowUpOutcome.class))
        .isNotEmpty();
  }

  @Test
  void theTasksInputsAreAlertsAndClosers() throws IOException {
    assertThat(literals("processes/SupportCase.bpmn", "name=\"alert\">([a-z-]+)<"))
        .containsExactlyInAnyOrderElementsOf(ModelValue.values(Alert.class));
    Set<String> closers = literals("processes/SupportCase.bpmn", "name=\"closedBy\">([a-z-]+)<");
    closers.addAll(literals("processes/CustomerFollowUp.bpmn", "name=\"closedBy\">([a-z-]+)<"));
    assertThat(closers).containsExactlyInAnyOrderElementsOf(ModelValue.values(ClosedBy.class));
  }

  @Test
  void theConversationsColumnsTakeTheKindsAndVisibilities() throws IOException {
    String schema = Files.readString(Path.of("src/main/resources/db/migration/V3__cases.sql"));
    assertThat(literals(schema, "author_kind in \\(([^)]*)\\)"))
        .singleElement()
        .satisfies(
            list ->
                assertThat(list.replace("'", "").split(",\\s*"))
                    .containsExactlyInAnyOrderElementsOf(ModelValue.values(AuthorKind.class)));
    assertThat(literals(schema, "visibility in \\(([^)]*)\\)"))
        .singleElement()
        .satisfies(
            list ->
                assertThat(list.replace("'", "").split(",\\s*"))
                    .containsExactlyInAnyOrderElementsOf(
                        ModelValue.values(MessageVisibility.class)));
  }

  @Test
  void theFirstResponseTasksAreMarkedInTheModel() throws IOException {
    String model = Files.readString(Path.of("processes/SupportCase.bpmn"));
    for (String task : List.of("Task_RespondToCustomer", "Task_RespondWithoutTarget")) {
      String element = model.substring(model.indexOf("<bpmn:userTask id=\"" + task + "\""));
      element = element.substring(0, element.indexOf("</bpmn:userTask>"));
      assertThat(element)
          .as(task)
          .contains(
              "<camunda:property name=\"" + FirstResponseRecord.MARK + "\" value=\"true\" />");
    }
    String workCase = model.substring(model.indexOf("<bpmn:userTask id=\"Task_WorkCase\""));
    assertThat(workCase.substring(0, workCase.indexOf("</bpmn:userTask>")))
        .doesNotContain(FirstResponseRecord.MARK);
  }

  @Test
  void theRcaOutcomesAreOfferedAndRoutedByTheirValues() throws IOException {
    assertThat(selectValues("WriteRcaDocument", CaseVariables.RCA_OUTCOME))
        .containsExactlyInAnyOrderElementsOf(ModelValue.values(RcaOutcome.class));
    Set<String> routed =
        literals(
            "processes/RootCauseAnalysis.bpmn", "getVariable\\('rcaOutcome'\\) == '([a-z-]+)'");
    routed.add(RcaOutcome.DELIVER.value()); // the default flow
    assertThat(routed).containsExactlyInAnyOrderElementsOf(ModelValue.values(RcaOutcome.class));
  }

  @Test
  void theTargetsClocksAndCoveragesAreTheJavaEnums() throws IOException {
    String table = Files.readString(Path.of("processes/ResponseTarget.dmn"));
    assertThat(declared(table, "OutputValues_Clock"))
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(io.caseops.sla.ClockKind.values())
                .map(io.caseops.sla.ClockKind::value)
                .toList());
    assertThat(declared(table, "OutputValues_Coverage"))
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(io.caseops.sla.Coverage.values())
                .map(io.caseops.sla.Coverage::value)
                .toList());
  }

  @Test
  void theSeverityQuestionsAreTheApisChoices() throws IOException {
    String table = Files.readString(Path.of("processes/Severity.dmn"));
    assertThat(declared(table, "InputValues_UsersAffected"))
        .containsExactlyInAnyOrder(CaseIntake.USERS_AFFECTED_VALUES.split("\\|"));
    assertThat(declared(table, "InputValues_BusinessImpact"))
        .containsExactlyInAnyOrder(CaseIntake.BUSINESS_IMPACT_VALUES.split("\\|"));
    assertThat(declared(table, "InputValues_RequestType"))
        .containsExactlyInAnyOrder(CaseIntake.REQUEST_TYPE_VALUES.split("\\|"));
  }

  /** The values a DMN column declares, by the id of its inputValues or outputValues element. */
  static Set<String> declared(String table, String id) {
    Matcher matcher = Pattern.compile("id=\"" + id + "\">\\s*<text>([^<]*)</text>").matcher(table);
    assertThat(matcher.find()).as(id).isTrue();
    return io.caseops.system.DecisionValues.values(matcher.group(1));
  }

  static List<String> selectValues(String form, String key) throws IOException {
    List<String> values = new ArrayList<>();
    collect(new ObjectMapper().readTree(new File("forms/" + form + ".form")), key, values);
    return values;
  }

  private static void collect(JsonNode node, String key, List<String> values) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> values.add(option.get("value").asText()));
      }
      collect(component, key, values);
    }
  }

  /**
   * Every first group of the pattern in a file (a path ending in a model suffix) or in the text
   * itself.
   */
  static Set<String> literals(String fileOrText, String regex) throws IOException {
    String text = fileOrText.endsWith(".bpmn") ? Files.readString(Path.of(fileOrText)) : fileOrText;
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
