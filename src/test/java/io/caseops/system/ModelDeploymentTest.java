package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.ModelFolders;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every BPMN, DMN and form in processes/ and forms/ is deployed, under its path, in one deployment.
 */
@CaseOpsTest
class ModelDeploymentTest {

  @Autowired RepositoryService repository;

  @Test
  void everyFileOfTheModelFoldersIsDeployedByItsPath() {
    Deployment deployment = latestModelDeployment();
    List<String> deployed =
        repository.getDeploymentResources(deployment.getId()).stream()
            .map(Resource::getName)
            .sorted()
            .toList();

    assertThat(ModelFolders.deployableResources()).isNotEmpty();
    assertThat(deployed).containsExactlyElementsOf(ModelFolders.deployableResources());
  }

  /**
   * {@code camunda:formRefBinding="deployment"} finds a form only in its process's own deployment.
   */
  @Test
  void everyFormReferenceResolvesInsideTheSameDeployment() throws Exception {
    Deployment deployment = latestModelDeployment();
    Set<String> formIds = new TreeSet<>();
    for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
      if (resource.getName().endsWith(".form")) {
        formIds.add(new ObjectMapper().readTree(resource.getBytes()).path("id").asText());
      }
    }
    List<String> formRefs =
        repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
            .flatMap(
                definition ->
                    repository
                        .getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class)
                        .stream())
            .map(UserTask::getCamundaFormRef)
            .filter(Objects::nonNull)
            .toList();

    assertThat(formRefs).isNotEmpty();
    assertThat(formIds).containsAll(formRefs);
  }

  /**
   * A process owner's typo in a row ("sliver" for "silver") fails the deployment, naming the row
   * and the value.
   */
  @Test
  void aDecisionNamingAnUndeclaredValueIsNotDeployed() throws Exception {
    String shipped =
        new String(
            java.nio.file.Files.readAllBytes(java.nio.file.Path.of("processes/Entitlements.dmn")),
            java.nio.charset.StandardCharsets.UTF_8);
    String typo = shipped.replaceFirst("<text>\"silver\"</text>", "<text>\"sliver\"</text>");
    assertThat(typo).isNotEqualTo(shipped);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name("typo")
                    .addString("Entitlements.dmn", typo)
                    .deploy())
        .hasStackTraceContaining("Entitlements row")
        .hasStackTraceContaining("\"sliver\"");
    assertThat(repository.createDeploymentQuery().deploymentName("typo").count()).isZero();
  }

  private Deployment latestModelDeployment() {
    return repository
        .createDeploymentQuery()
        .deploymentName(ModelDeployment.DEPLOYMENT_NAME)
        .orderByDeploymentTime()
        .desc()
        .list()
        .get(0);
  }
}
