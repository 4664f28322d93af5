package io.caseops.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseops.testsupport.StaffClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Consumed hours of time-boxed services against the ServiceAllowances decision, over real HTTP as
 * staff. Subclasses pick the database: on PostgreSQL a read-only transaction refuses any write, so
 * a balance must be read without one.
 */
abstract class ServiceUsageScenarios {

  static final String USAGE = "/staff/api/accounts/%s/service-usage";

  @LocalServerPort int port;

  StaffClient client;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void connect() {
    client = new StaffClient(port);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  HttpResponse<String> record(String account, String benefit, String usedOn, String hours) {
    // tom looks after Umbrella, Stark and Wayne; Initech has no TAM, so a support manager records.
    String staff = account.equals("initech") ? "mia" : "tom";
    return client.postJson(
        USAGE.formatted(account),
        """
        {"benefit": "%s", "usedOn": "%s", "hours": %s, "note": "with the customer's architects"}"""
            .formatted(benefit, usedOn, hours),
        staff,
        staff);
  }

  @Test
  void aQuarterlyAllowanceIsUsedUpThenRenewsNextQuarter() throws Exception {
    HttpResponse<String> first = record("umbrella", "sandbox-setup-guidance", "2026-10-05", "2");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Location"))
        .get()
        .asString()
        .startsWith("/staff/api/accounts/umbrella/");
    JsonNode balance = json.readTree(first.body()).get("balance");
    assertThat(balance.get("periodStart").asText()).isEqualTo("2026-10-01");
    assertThat(balance.get("periodEnd").asText()).isEqualTo("2026-12-31");
    assertThat(balance.get("remainingHours").asDouble()).isEqualTo(1.0);

    HttpResponse<String> over = record("umbrella", "sandbox-setup-guidance", "2026-11-20", "1.5");
    assertThat(over.statusCode()).isEqualTo(422);
    JsonNode problem = json.readTree(over.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("hours");
    assertThat(problem.get("detail").asText())
        .contains("gold plan allows 3.0 h")
        .contains("1.0 h remain");

    assertThat(record("umbrella", "sandbox-setup-guidance", "2026-11-20", "1").statusCode())
        .isEqualTo(201);
    assertThat(record("umbrella", "sandbox-setup-guidance", "2026-09-30", "3").statusCode())
        .as("the previous quarter has its own allowance")
        .isEqualTo(201);
  }

  @Test
  void silverArchitectConsultationStopsAtFourSessions() throws Exception {
    for (String day : new String[] {"2026-01-10", "2026-03-10", "2026-05-10", "2026-07-10"}) {
      assertThat(record("initech", "enterprise-architect-consultation", day, "2").statusCode())
          .isEqualTo(201);
    }
    HttpResponse<String> fifth =
        record("initech", "enterprise-architect-consultation", "2026-09-10", "1");
    assertThat(fifth.statusCode()).isEqualTo(422);
    assertThat(json.readTree(fifth.body()).get("detail").asText()).contains("allows 4 sessions");
  }

  @Test
  void silverArchitectSessionsLastAtMostThreeHours() throws Exception {
    HttpResponse<String> long_ =
        record("initech", "enterprise-architect-consultation", "2026-02-02", "4");
    assertThat(long_.statusCode()).isEqualTo(422);
    JsonNode problem = json.readTree(long_.body());
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("hours");
    assertThat(problem.get("detail").asText()).contains("sessions of at most 3.0 h");
  }

  @Test
  void drPlanningIsOnceAQuarter() throws Exception {
    assertThat(record("umbrella", "dr-planning", "2026-04-10", "2").statusCode()).isEqualTo(201);
    HttpResponse<String> again = record("umbrella", "dr-planning", "2026-06-20", "1");
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(json.readTree(again.body()).get("detail").asText())
        .contains("allows 1 session of dr-planning from 2026-04-01 to 2026-06-30");
    assertThat(record("umbrella", "dr-planning", "2026-07-01", "2").statusCode())
        .as("the next quarter")
        .isEqualTo(201);
  }

  @Test
  void theBalanceListsEveryAllowanceOfThePlan() throws Exception {
    record("stark", "developer-assistance", "2026-02-01", "6.5");
    HttpResponse<String> response =
        client.get(USAGE.formatted("stark") + "?on=2026-11-23", "mia", "mia");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode balances = json.readTree(response.body());
    assertThat(balances).hasSize(12);
    assertThat(find(balances, "case-review").get("allowedHours").asDouble())
        .as("case reviews with the TAM: 8 h a month")
        .isEqualTo(8.0);
    JsonNode developer = find(balances, "developer-assistance");
    assertThat(developer.get("allowedHours").asDouble()).isEqualTo(20.0);
    assertThat(developer.get("usedHours").asDouble()).isEqualTo(6.5);
    assertThat(developer.get("remainingHours").asDouble()).isEqualTo(13.5);
    assertThat(developer.get("sessions").asInt()).isEqualTo(1);
    assertThat(find(balances, "support-onboarding").get("period").isNull())
        .as("once, not per period")
        .isTrue();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} h as {4} -> {5} naming {6}")
  @CsvSource(
      nullValues = "-",
      value = {
        "initech,  developer-assistance,   2026-11-01, 1,   mia,     422, benefit",
        "wayne,    no-such-service,        2026-11-01, 1,   tom,     422, benefit",
        "umbrella, sandbox-setup-guidance, 2026-12-01, 1,   tom,     400, usedOn",
        "umbrella, sandbox-setup-guidance, -999999999-01-01, 1, tom, 400, usedOn",
        "umbrella, sandbox-setup-guidance, +999999999-12-31, 1, tom, 400, usedOn",
        "umbrella, sandbox-setup-guidance, 2026-11-01, -1,  tom,     400, hours",
        "umbrella, sandbox-setup-guidance, 2026-11-01, 25,  tom,     400, hours",
        "umbrella, sandbox-setup-guidance, 2026-11-01, 1,   amelia,  403, -",
        "nobody,   sandbox-setup-guidance, 2026-11-01, 1,   tom,     404, -"
      })
  void refusesWithTheRule(
      String account,
      String benefit,
      String usedOn,
      String hours,
      String staff,
      int status,
      String field)
      throws Exception {
    HttpResponse<String> response =
        client.postJson(
            USAGE.formatted(account),
            """
        {"benefit": "%s", "usedOn": "%s", "hours": %s}"""
                .formatted(benefit, usedOn, hours),
            staff,
            staff);
    assertThat(response.statusCode()).isEqualTo(status);
    if (field != null) {
      assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText())
          .isEqualTo(field);
    }
  }

  @Test
  void anUnknownAccountIsNamedAlikeForEveryCaller() throws Exception {
    for (String staff : new String[] {"tom", "mia"}) {
      HttpResponse<String> response = client.get(USAGE.formatted("nowhere"), staff, staff);
      assertThat(response.statusCode()).as(staff).isEqualTo(404);
      assertThat(json.readTree(response.body()).get("detail").asText())
          .as(staff)
          .isEqualTo("'nowhere' is not a CaseOps account");
    }
  }

  @Test
  void aDayAtTheEdgeOfTheCalendarIs400NamingTheParameter() throws Exception {
    for (String on : new String[] {"%2B999999999-12-31", "-999999999-01-01"}) {
      HttpResponse<String> response =
          client.get(USAGE.formatted("umbrella") + "?on=" + on, "tom", "tom");
      assertThat(response.statusCode()).as(on).isEqualTo(400);
      assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText())
          .isEqualTo("on");
    }
  }

  @Test
  void staffMustLogIn() {
    assertThat(client.get(USAGE.formatted("umbrella")).statusCode()).isEqualTo(401);
    // Not tom: Camunda locks a user out for a few seconds after a wrong password, and other tests
    // log in as tom.
    assertThat(client.get(USAGE.formatted("umbrella"), "paula", "wrong").statusCode())
        .isEqualTo(401);
  }

  @Test
  void malformedJsonNamesTheBody() throws Exception {
    HttpResponse<String> response =
        client.postJson(USAGE.formatted("umbrella"), "{\"hours\": ", "tom", "tom");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("body");
  }

  static JsonNode find(JsonNode balances, String benefit) {
    for (JsonNode balance : balances) {
      if (balance.get("benefit").asText().equals(benefit)) {
        return balance;
      }
    }
    throw new AssertionError("no balance for " + benefit + " in " + balances);
  }
}
