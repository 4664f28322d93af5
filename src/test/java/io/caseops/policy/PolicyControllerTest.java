package io.caseops.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import io.caseops.testsupport.TableRows;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The public policy endpoints over real HTTP, without login, on the real decisions. Their parameter
 * rules are PolicyControllerWebTest's.
 */
@CaseOpsTest
class PolicyControllerTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  StaffClient client;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void connect() {
    client = new StaffClient(port);
  }

  @ParameterizedTest(name = "{0} {1} sev {2} {3} in {4} at {5} -> {6} due {8}")
  @CsvSource(
      nullValues = "-",
      value = {
        // catalogue,            plan,     sev, product,                          region,
        // submittedAt,          target, warningAt,              dueAt
        "automation-anywhere,    silver,   2,   automation-360,                   EMEA,   2026-11-27T18:00:00Z, PT4H,   2026-11-30T11:00:00Z,   2026-11-30T12:00:00Z",
        "adobe-experience-cloud, ultimate, 2,   adobe-experience-manager,         EMEA,   2026-11-28T10:00:00Z, PT30M,  2026-11-30T00:22:30Z,   2026-11-30T00:30:00Z",
        "adobe-experience-cloud, expert,   1,   adobe-analytics,                  AMER,   2026-11-28T10:00:00Z, PT1H,   2026-11-28T10:45:00Z,   2026-11-28T11:00:00Z",
        "automation-anywhere,    orange,   3,   automation-360,                   APAC,   2026-11-24T05:00:00Z, -,      -,                      -",
        "automation-anywhere,    gold,     4,   process-discovery,                AMER,   2026-11-25T17:00:00Z, PT16H,  2026-11-27T20:00:00Z,   2026-11-30T15:00:00Z"
      })
  void quotesTheFirstResponse(
      String catalogue,
      String plan,
      int severity,
      String product,
      String region,
      String submittedAt,
      String target,
      String warningAt,
      String dueAt)
      throws Exception {
    HttpResponse<String> response =
        client.get(
            "/api/policy/response-due?catalogue="
                + catalogue
                + "&plan="
                + plan
                + "&severity="
                + severity
                + "&product="
                + product
                + "&region="
                + region
                + "&submittedAt="
                + submittedAt);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode quote = json.readTree(response.body());
    assertThat(quote.path("responseTarget").textValue()).isEqualTo(target);
    assertThat(quote.path("warningAt").textValue()).isEqualTo(warningAt);
    assertThat(quote.path("dueAt").textValue()).isEqualTo(dueAt);
    assertThat(quote.path("region").textValue()).isEqualTo(region);
    assertThat(quote.path("zone").textValue()).isNotBlank();
  }

  /** An anonymous caller cannot grow the database: a quote writes no decision history, nothing. */
  @Test
  void quotesWriteNothing() throws Exception {
    Map<String, Long> before = TableRows.count(jdbc);
    for (int i = 0; i < 5; i++) {
      assertThat(
              client
                  .get(
                      "/api/policy/response-due?catalogue=automation-anywhere&plan=silver&severity=2"
                          + "&product=automation-360&region=EMEA&submittedAt=2026-11-27T18:00:00Z")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              client.get("/api/policy/calendars/EMEA?catalogue=automation-anywhere").statusCode())
          .isEqualTo(200);
    }
    assertThat(TableRows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void commerceManagedServicesOverrideNeedsTheLicenceStart() throws Exception {
    String base =
        "/api/policy/response-due?catalogue=adobe-experience-cloud&plan=expert&severity=1"
            + "&product=adobe-commerce-managed-services&region=EMEA&submittedAt=2026-11-24T10:00:00Z";
    assertThat(json.readTree(client.get(base).body()).path("responseTarget").textValue())
        .isEqualTo("PT1H");
    assertThat(
            json.readTree(client.get(base + "&licenceStart=2021-09-20").body())
                .path("responseTarget")
                .textValue())
        .isEqualTo("PT30M");
  }

  /**
   * Commerce P2 counts EMEA's business hours on Ultimate too: Friday 16:30 + 1 h is Monday 09:30.
   */
  @Test
  void commerceP2OnUltimateCountsBusinessHoursNot24x5() throws Exception {
    JsonNode quote =
        json.readTree(
            client
                .get(
                    "/api/policy/response-due?catalogue=adobe-experience-cloud&plan=ultimate&severity=2"
                        + "&product=adobe-commerce-managed-services&region=EMEA&licenceStart=2022-03-01"
                        + "&submittedAt=2026-11-27T16:30:00Z")
                .body());
    assertThat(quote.path("responseTarget").textValue()).isEqualTo("PT1H");
    assertThat(quote.path("coverage").textValue()).isEqualTo("business-hours");
    assertThat(quote.path("dueAt").textValue()).isEqualTo("2026-11-30T09:30:00Z");
  }

  @Test
  void publishesARegionsCalendar() throws Exception {
    HttpResponse<String> response =
        client.get("/api/policy/calendars/EMEA?catalogue=automation-anywhere&year=2026");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode calendar = json.readTree(response.body());
    assertThat(calendar.path("zone").textValue()).isEqualTo("Europe/London");
    assertThat(calendar.path("weeklyWindows")).hasSize(5);
    assertThat(calendar.path("weeklyWindows").get(0).path("opens").textValue())
        .isEqualTo("08:00:00");
    assertThat(calendar.path("languages").toString()).contains("en");
    assertThat(calendar.path("holidays").toString()).contains("2026-12-25").contains("Christmas");
  }
}
