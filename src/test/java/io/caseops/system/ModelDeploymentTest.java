package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.ModelFolders;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every BPMN, DMN and form in processes/ and forms/ is deployed, under its path, in one deployment. */
@CaseOpsTest
class ModelDeploymentTest {

  @Autowired
  RepositoryService repository;

  @Test
  void everyFileOfTheModelFoldersIsDeployedByItsPath() {
    Deployment deployment = repository.createDeploymentQuery().deploymentName(ModelDeployment.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    List<String> deployed = repository.getDeploymentResources(deployment.getId()).stream()
        .map(Resource::getName).sorted().toList();

    assertThat(ModelFolders.deployableResources()).isNotEmpty();
    assertThat(deployed).containsExactlyElementsOf(ModelFolders.deployableResources());
  }

  @Test
  void formsAreDeployedBesideTheirProcesses() {
    assertThat(ModelFolders.deployableResources()).anyMatch(name -> name.endsWith(".form"));
    assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
        .allSatisfy(definition -> assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
            .anyMatch(name -> name.startsWith("forms/")));
  }
}
