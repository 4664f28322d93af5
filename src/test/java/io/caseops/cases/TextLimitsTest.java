package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text limits agree everywhere: each form field's {@code maxLength} is the Java limit, and each
 * column of the read model holds the longest text plus its heading. Before this test, a
 * reclassification reason the form took could overflow {@code support_case.severity_reason} and
 * roll the engineer's completion back.
 */
class TextLimitsTest {

  static final String URL = "jdbc:h2:mem:text-limits;DB_CLOSE_DELAY=-1";

  @ParameterizedTest(name = "{0}.{1} <= {2}")
  @CsvSource({
    "RespondToCustomer, publicReply, 20000",
    "RespondToCustomer, internalNote, 20000",
    "RespondToCustomer, reclassifyReason, 500",
    "WorkCase, publicReply, 20000",
    "WorkCase, internalNote, 20000",
    "WorkCase, reclassifyReason, 500",
    "WriteRcaDocument, rcaDocument, 20000",
    "ManageCriticalSituation, criticalSituationSummary, 20000"
  })
  void eachFormFieldHasTheJavaLimit(String form, String field, int limit) throws Exception {
    assertThat(limit).isIn(TextLimits.TEXT, TextLimits.REASON);
    assertThat(maxLengths(form)).containsEntry(field, limit);
  }

  @Test
  void theColumnsHoldTheLongestTexts() throws Exception {
    Flyway.configure()
        .dataSource(URL, "sa", "")
        .locations("classpath:db/migration")
        .table("caseops_schema_history")
        .load()
        .migrate();
    try (Connection connection = DriverManager.getConnection(URL, "sa", "")) {
      assertThat(size(connection, "SUPPORT_CASE", "SUBJECT"))
          .isGreaterThanOrEqualTo(TextLimits.SUBJECT);
      assertThat(size(connection, "SUPPORT_CASE", "DESCRIPTION"))
          .isGreaterThanOrEqualTo(TextLimits.TEXT);
      assertThat(size(connection, "SUPPORT_CASE", "SEVERITY_REASON"))
          .isGreaterThanOrEqualTo(TextLimits.REASON + TextLimits.HEADING);
      assertThat(size(connection, "SEVERITY_CHANGE", "REASON"))
          .isGreaterThanOrEqualTo(TextLimits.REASON);
      assertThat(size(connection, "CASE_MESSAGE", "BODY"))
          .isGreaterThanOrEqualTo(TextLimits.TEXT + TextLimits.HEADING);
    }
  }

  static Map<String, Integer> maxLengths(String form) throws Exception {
    Map<String, Integer> limits = new HashMap<>();
    collect(new ObjectMapper().readTree(new File("forms/" + form + ".form")), limits);
    return limits;
  }

  private static void collect(JsonNode node, Map<String, Integer> limits) {
    for (JsonNode component : node.path("components")) {
      if (component.path("validate").has("maxLength")) {
        limits.put(
            component.get("key").asText(), component.get("validate").get("maxLength").asInt());
      }
      collect(component, limits);
    }
  }

  private static int size(Connection connection, String table, String column) throws Exception {
    try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
      assertThat(columns.next()).as(table + "." + column).isTrue();
      return columns.getInt("COLUMN_SIZE");
    }
  }
}
