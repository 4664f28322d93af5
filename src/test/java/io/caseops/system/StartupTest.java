package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service starts on H2 with the engine, the webapps, the REST API, actuator and its own tables.
 */
@CaseOpsTest
class StartupTest {

  @LocalServerPort int port;

  @Autowired ProcessEngine engine;

  @Autowired JdbcTemplate jdbc;

  StaffClient client;

  @BeforeEach
  void connect() {
    client = new StaffClient(port);
  }

  @Test
  void healthIsUp() {
    HttpResponse<String> health = client.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void engineRestListsTheEngine() {
    HttpResponse<String> engines = client.get("/engine-rest/engine", "demo", "demo");
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).contains("\"name\":\"default\"");
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
  }

  @Test
  void tasklistServesItsLoginPage() {
    HttpResponse<String> tasklist = client.get("/camunda/app/tasklist/");
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
    assertThat(tasklist.body()).contains("<html").containsIgnoringCase("tasklist");
  }

  @Test
  void cockpitAndAdminAreServed() {
    assertThat(client.get("/camunda/app/cockpit/").statusCode()).isEqualTo(200);
    assertThat(client.get("/camunda/app/admin/").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAndInfoAreForMonitoringAndAdministratorsOnly() {
    HttpResponse<String> prometheus = client.get("/actuator/prometheus", "demo", "demo");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("jvm_memory_used_bytes")
        .contains("hikaricp_connections");
    assertThat(client.get("/actuator/info", "demo", "demo").statusCode()).isEqualTo(200);
    for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
      assertThat(client.get(path).statusCode()).as(path + " anonymous").isEqualTo(401);
      assertThat(client.get(path, "emma", "emma").statusCode())
          .as(path + " engineer")
          .isEqualTo(403);
    }
    assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

    IdentityService identity = engine.getIdentityService();
    User scraper = identity.newUser("prometheus");
    scraper.setPassword("prometheus");
    identity.saveUser(scraper);
    identity.createMembership("prometheus", StaffGroups.MONITORING);
    try {
      assertThat(client.get("/actuator/prometheus", "prometheus", "prometheus").statusCode())
          .isEqualTo(200);
    } finally {
      identity.deleteUser("prometheus");
    }
  }

  @Test
  void flywayCreatedCaseOpsTablesAndDemoAccountsCoverEveryPlan() {
    assertThat(jdbc.queryForList("select distinct plan from account", String.class))
        .containsExactlyInAnyOrder(
            "expert", "ultimate", "orange", "silver", "gold", "platinum", "titanium");
    assertThat(jdbc.queryForObject("select count(*) from product", Integer.class)).isEqualTo(6);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from \"caseops_schema_history\" where \"success\" = true and \"version\" = '1'",
                Integer.class))
        .isEqualTo(1);
  }

  @Test
  void unknownPathsGetAnErrorWithoutStackTrace() {
    HttpResponse<String> missing = client.get("/no-such-page");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).doesNotContain("at org.").doesNotContain("Exception");
  }
}
