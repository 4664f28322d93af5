package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsRun;
import io.caseops.testsupport.DemoCases;
import io.caseops.testsupport.PostgresTestDatabase;
import io.caseops.testsupport.StaffClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production database: the service starts on a real PostgreSQL server with the postgres
 * profile, creates the engine's and CaseOps' schema, serves the webapps and REST API, and keeps its
 * data across a restart.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresStartupTest {

  @Test
  void startsOnPostgresAndKeepsDataAcrossRestart() {
    String instanceId;
    try (ConfigurableApplicationContext first = postgresRun().start()) {
      JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select current_setting('server_version_num')", String.class))
          .isNotBlank();
      assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class))
          .isPositive();
      assertThat(jdbc.queryForObject("select count(*) from product", Integer.class)).isEqualTo(6);
      assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(8);

      StaffClient client =
          new StaffClient(((WebServerApplicationContext) first).getWebServer().getPort());
      assertThat(client.get("/actuator/health").body()).contains("\"status\":\"UP\"");
      assertThat(client.get("/engine-rest/engine", "demo", "demo").body()).contains("default");
      assertThat(client.get("/engine-rest/task").statusCode()).isEqualTo(401);
      assertThat(client.webappLogin("tasklist", "amelia", "amelia")).isEqualTo(200);
      assertThat(client.webappLogin("admin", "amelia", "amelia")).isEqualTo(403);

      instanceId = DemoCases.submit(first).processInstanceId();
    }

    try (ConfigurableApplicationContext second = postgresRun().start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(instanceId)
                  .count())
          .isEqualTo(1);
      assertThat(
              engine
                  .getRepositoryService()
                  .createDeploymentQuery()
                  .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
                  .count())
          .isEqualTo(1);
      assertThat(
              second
                  .getBean(JdbcTemplate.class)
                  .queryForObject("select count(*) from account", Integer.class))
          .isEqualTo(8);
    }
  }

  private static CaseOpsRun postgresRun() {
    return CaseOpsRun.withProfiles("postgres", "demo").onPostgres();
  }
}
