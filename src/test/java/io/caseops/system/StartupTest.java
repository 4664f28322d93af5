package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
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
  void metricsAndInfoAreExposed() {
    HttpResponse<String> prometheus = client.get("/actuator/prometheus");
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("jvm_memory_used_bytes")
        .contains("hikaricp_connections");
    assertThat(client.get("/actuator/info").statusCode()).isEqualTo(200);
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
