package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each staff group gets what its job needs and nothing more, through the webapps and the REST API
 * alike.
 */
@CaseOpsTest
class StaffAccessTest {

  @LocalServerPort int port;

  @Autowired TaskService taskService;

  @Autowired RepositoryService repository;

  StaffClient client;
  Task amerTask;
  Task emeaTask;

  @BeforeEach
  void setUp() {
    client = new StaffClient(port);
    amerTask = teamTask("Answer AMER customer", "team-amer");
    emeaTask = teamTask("Answer EMEA customer", "team-emea");
  }

  @AfterEach
  void tearDown() {
    taskService.deleteTasks(List.of(amerTask.getId(), emeaTask.getId()), true);
  }

  /**
   * Demo users: password = user id. amelia is an AMER engineer, mia a support manager, paula a
   * process owner.
   */
  @ParameterizedTest(name = "{0} logs in to {1}: {2}")
  @CsvSource({
    "demo,   tasklist, 200", "demo,   cockpit, 200", "demo,   admin, 200",
    "amelia, tasklist, 200", "amelia, cockpit, 403", "amelia, admin, 403",
    "mia,    tasklist, 200", "mia,    cockpit, 200", "mia,    admin, 403",
    "erin,   cockpit,  200", "tom,    cockpit, 200", "erin,   admin, 403",
    "paula,  cockpit,  200", "paula,  admin,   403"
  })
  void webappAccessFollowsTheJob(String user, String application, int expectedStatus) {
    assertThat(client.webappLogin(application, user, user)).isEqualTo(expectedStatus);
  }

  /**
   * lucas only: after a failed login the engine delays that user's next attempts (login
   * throttling).
   */
  @Test
  void wrongPasswordIsRefused() {
    assertThat(client.webappLogin("tasklist", "lucas", "not-his-password")).isEqualTo(401);
    assertThat(client.get("/engine-rest/task", "lucas", "not-his-password").statusCode())
        .isEqualTo(401);
  }

  /**
   * The Cockpit plugin reads the staff API with the Cockpit login's session; a write with nothing
   * but that cookie is refused (it could come from any page the browser shows: no CSRF token).
   */
  @Test
  void aWebappSessionReadsTheStaffApiButNeverWrites() {
    assertThat(client.get("/staff/api/reports/sla/watch").statusCode()).isEqualTo(401);
    assertThat(client.webappLogin("cockpit", "mia", "mia")).isEqualTo(200);
    assertThat(client.get("/staff/api/reports/sla/watch").statusCode()).isEqualTo(200);
    HttpResponse<String> write =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/staff/api/cases/CASE-2026-000001/escalation"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(write.statusCode()).isEqualTo(401);

    StaffClient engineer = new StaffClient(port);
    assertThat(engineer.webappLogin("tasklist", "amelia", "amelia")).isEqualTo(200);
    assertThat(engineer.get("/staff/api/reports/sla/watch").statusCode())
        .as("engineers see no reports")
        .isEqualTo(403);
  }

  @Test
  void restRequestWithoutCredentialsIsRefused() {
    HttpResponse<String> anonymous = client.get("/engine-rest/task");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(client.get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
  }

  @Test
  void engineerSeesAndWorksTheirTeamsTasksOnly() {
    HttpResponse<String> visible = client.get("/engine-rest/task", "amelia", "amelia");
    assertThat(visible.statusCode()).isEqualTo(200);
    assertThat(visible.body()).contains(amerTask.getId()).doesNotContain(emeaTask.getId());

    HttpResponse<String> claim =
        client.postJson(
            "/engine-rest/task/" + amerTask.getId() + "/claim",
            "{\"userId\":\"amelia\"}",
            "amelia",
            "amelia");
    assertThat(claim.statusCode()).isEqualTo(204);
    HttpResponse<String> otherTeams =
        client.postJson(
            "/engine-rest/task/" + emeaTask.getId() + "/claim",
            "{\"userId\":\"amelia\"}",
            "amelia",
            "amelia");
    assertThat(otherTeams.statusCode()).isIn(403, 404);
  }

  @Test
  void engineerCannotAdministerUsersOrDeploy() {
    HttpResponse<String> createUser =
        client.postJson(
            "/engine-rest/user/create",
            "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"mallory\"}}",
            "amelia",
            "amelia");
    assertThat(createUser.statusCode()).isEqualTo(403);
    assertThat(deployPlaceholder("amelia").statusCode()).isEqualTo(403);
  }

  /**
   * Deploying is administrator-equivalent (a model's expressions run without authorization checks),
   * so process owners submit models through the repository and only administrators deploy.
   */
  @Test
  void onlyAdministratorsDeploy() {
    HttpResponse<String> refused = deployPlaceholder("paula");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("CREATE").contains("Deployment");
    assertThat(client.get("/engine-rest/deployment", "paula", "paula").statusCode())
        .as("process owners still read deployments")
        .isEqualTo(200);
    HttpResponse<String> deployed = deployPlaceholder("demo");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(deployed.body()).contains("\"name\":\"access-test\"");
    repository
        .createDeploymentQuery()
        .deploymentName("access-test")
        .list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void managerReadsEveryTaskAndInstance() {
    HttpResponse<String> tasks = client.get("/engine-rest/task", "mia", "mia");
    assertThat(tasks.body()).contains(amerTask.getId()).contains(emeaTask.getId());
    assertThat(client.get("/engine-rest/process-instance/count", "mia", "mia").statusCode())
        .isEqualTo(200);
    assertThat(client.get("/engine-rest/history/process-instance/count", "mia", "mia").statusCode())
        .isEqualTo(200);
  }

  @Test
  void anAccountManagerReadsNoCaseThroughTheEngine() {
    // Technical account and customer success managers look after some accounts only: the engine
    // cannot scope them, so they read no instance, task or history there (the staff API does).
    for (String manager : List.of("tom", "clara")) {
      assertThat(client.get("/engine-rest/history/process-instance/count", manager, manager).body())
          .as(manager)
          .isEqualTo("{\"count\":0}");
      assertThat(client.get("/engine-rest/process-instance/count", manager, manager).body())
          .as(manager)
          .isEqualTo("{\"count\":0}");
      assertThat(client.get("/engine-rest/task", manager, manager).body())
          .as(manager)
          .doesNotContain(amerTask.getId())
          .doesNotContain(emeaTask.getId());
    }
    assertThat(client.get("/engine-rest/task", "mia", "mia").body())
        .as("a support manager, for contrast")
        .contains(amerTask.getId());
  }

  private Task teamTask(String name, String team) {
    Task task = taskService.newTask();
    task.setName(name);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), team);
    return task;
  }

  private HttpResponse<String> deployPlaceholder(String user) {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="test">
          <process id="AccessTest" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Test"/>
          </process>
        </definitions>
        """;
    return client.deploy("access-test", "AccessTest.bpmn", bpmn, user, user);
  }
}
