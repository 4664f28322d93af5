package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.cases.CaseIntake;
import io.caseops.testsupport.CaseOpsRun;
import io.caseops.testsupport.DemoCases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default run keeps its data in an H2 file: a restart finds cases, users and accounts as it
 * left them.
 */
class RestartOnH2Test {

  @TempDir Path dataDir;

  @Test
  void restartKeepsDataAndDeploysNothingNew() {
    DemoCases.Opened opened;
    try (ConfigurableApplicationContext first = defaultRun().start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      opened = DemoCases.submit(first);
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser("restartcheck"));
    }
    assertThat(Files.exists(dataDir.resolve("caseops.mv.db"))).isTrue();

    try (ConfigurableApplicationContext second = defaultRun().start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(opened.caseNumber())
                  .processDefinitionKey(CaseIntake.PROCESS)
                  .singleResult()
                  .getId())
          .isEqualTo(opened.processInstanceId());
      assertThat(engine.getIdentityService().createUserQuery().userId("restartcheck").count())
          .isEqualTo(1);
      assertThat(
              engine
                  .getRepositoryService()
                  .createDeploymentQuery()
                  .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
                  .count())
          .isEqualTo(1);
      JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(8);
    }
  }

  private CaseOpsRun defaultRun() {
    return CaseOpsRun.withProfiles("demo").property("caseops.data-dir", dataDir.toString());
  }
}
