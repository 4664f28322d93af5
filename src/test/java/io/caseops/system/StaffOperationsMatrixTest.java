package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.cases.CaseIntake;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.DemoCases;
import io.caseops.testsupport.StaffClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what on the staff side, as one table: every staff operation (the staff API and
 * actuator's metrics and information) called by every demo role, with the answer each gets. A write
 * is sent with a body that its rules refuse (or on an outage that does not exist), so that a caller
 * who may make it gets that refusal (400 or 404) and writes nothing, while one who may not gets 403
 * before the body is read. C is an EMEA case of Umbrella (technical account manager tom, customer
 * success manager clara), D an AMER case of Northwind (nobody's account).
 */
@CaseOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffOperationsMatrixTest {

  /** The roles, in the table's column order: user id, what they are. */
  static final List<String> ROLES =
      List.of(
          "demo", // administrator
          "amelia", // engineer, team-amer
          "emma", // engineer, team-emea
          "erin", // escalation manager
          "mia", // support manager
          "tom", // technical account manager of Umbrella, Stark, Wayne, Contoso
          "clara", // customer success manager of Silver and above
          "paula", // process owner
          "monty", // monitoring (made by this test)
          "nobody"); // in no group (made by this test)

  /** Each operation: method, path, body (or null), then the answer of each role in order. */
  static final String TABLE =
      """
      GET    /staff/api/cases/{C}                      -     | 200 404 200 200 200 200 200 403 403 403
      GET    /staff/api/cases/{D}                      -     | 200 200 404 200 200 404 404 403 403 403
      POST   /staff/api/cases/{C}/escalation           {}    | 400 404 400 400 400 400 403 403 403 403
      POST   /staff/api/cases/{D}/escalation           {}    | 400 400 404 400 400 404 403 403 403 403
      GET    /staff/api/outages                        -     | 200 200 200 200 200 200 200 403 403 403
      GET    /staff/api/outages/0                      -     | 404 404 404 404 404 404 404 403 403 403
      POST   /staff/api/outages                        {}    | 400 403 403 400 400 403 403 403 403 403
      POST   /staff/api/outages/0/cases                {}    | 404 404 404 404 404 403 403 403 403 403
      POST   /staff/api/outages/0/updates              {}    | 404 403 403 404 404 403 403 403 403 403
      POST   /staff/api/outages/0/end                  {}    | 404 403 403 404 404 403 403 403 403 403
      GET    /staff/api/reports/attainment             -     | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/reports/attainment/trend       -     | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/reports/attainment/misses      -     | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/reports/sla/watch              -     | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/reports/sla/cases/{C}          -     | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/reports/reviews/overdue        -     | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/accounts/umbrella/service-usage -    | 200 403 403 403 200 200 403 403 403 403
      GET    /staff/api/accounts/initech/service-usage -     | 200 403 403 403 200 403 403 403 403 403
      POST   /staff/api/accounts/umbrella/service-usage {}   | 400 403 403 403 400 400 403 403 403 403
      POST   /staff/api/accounts/initech/service-usage {}    | 400 403 403 403 400 403 403 403 403 403
      GET    /staff/api/accounts/umbrella/team         -     | 200 403 403 200 200 200 200 403 403 403
      PUT    /staff/api/accounts/umbrella/team         {"technicalAccountManager":"amelia"} | 400 403 403 403 400 403 403 403 403 403
      DELETE /staff/api/login-locks/contacts/no.one@initech.example - | 404 403 403 404 404 404 404 403 403 403
      DELETE /staff/api/login-locks/staff/no-one       -     | 404 403 403 403 403 403 403 403 403 403
      GET    /actuator/prometheus                      -     | 200 403 403 403 403 403 403 403 200 403
      GET    /actuator/info                            -     | 200 403 403 403 403 403 403 403 200 403
      """;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired CaseIntake intake;
  @Autowired RuntimeService runtime;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String caseC;
  String caseD;

  @BeforeAll
  void rolesAndCases() {
    user("monty", StaffGroups.MONITORING);
    user("nobody", null);
    caseC =
        intake
            .submit(
                DemoCases.submission(
                    "lena.kraus@umbrella.example",
                    "automation-360",
                    "Licence question",
                    "How do we move a licence?",
                    new CaseIntake.SeverityAnswers(false, true, true, "one", "none", "question"),
                    "EMEA"))
            .caseNumber();
    caseD =
        intake
            .submit(
                DemoCases.submission(
                    "ana.lima@northwind.example",
                    "adobe-experience-manager",
                    "Licence question",
                    "How do we move a licence?",
                    new CaseIntake.SeverityAnswers(false, true, true, "one", "none", "question"),
                    null))
            .caseNumber();
    assertThat(team(caseC)).isEqualTo("team-emea");
    assertThat(team(caseD)).isEqualTo("team-amer");
  }

  String team(String caseNumber) {
    return jdbc.queryForObject(
        "select candidate_group from support_case where case_number = ?", String.class, caseNumber);
  }

  void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id + "-Secret-1");
      identity.saveUser(user);
      if (group != null) {
        identity.createMembership(id, group);
      }
    }
  }

  @AfterAll
  void removeRoles() {
    identity.deleteUser("monty");
    identity.deleteUser("nobody");
  }

  static String password(String user) {
    return user.equals("monty") || user.equals("nobody") ? user + "-Secret-1" : user;
  }

  record Operation(String method, String path, String body, List<Integer> expected) {}

  static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] sides = line.split("\\|");
      String[] call = sides[0].strip().split("\\s+", 3);
      List<Integer> codes =
          List.of(sides[1].strip().split("\\s+")).stream().map(Integer::valueOf).toList();
      assertThat(codes).as(line).hasSameSizeAs(ROLES);
      operations.add(
          new Operation(
              call[0], call[1], call[2].strip().equals("-") ? null : call[2].strip(), codes));
    }
    return operations;
  }

  @Test
  void everyStaffOperationAnswersEachRoleAsTheTableSays() {
    StaffClient client = new StaffClient(port);
    List<String> wrong = new ArrayList<>();
    int calls = 0;
    for (Operation operation : operations()) {
      String path = operation.path().replace("{C}", caseC).replace("{D}", caseD);
      for (int i = 0; i < ROLES.size(); i++) {
        String role = ROLES.get(i);
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString((role + ":" + password(role)).getBytes()))
                .header("Content-Type", "application/json")
                .method(
                    operation.method(),
                    operation.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(operation.body()));
        int status = client.send(request).statusCode();
        calls++;
        if (status != operation.expected().get(i)) {
          wrong.add(
              operation.method()
                  + " "
                  + operation.path()
                  + " as "
                  + role
                  + ": "
                  + status
                  + ", expected "
                  + operation.expected().get(i));
        }
      }
    }
    assertThat(wrong).as("answers that differ from the table").isEmpty();
    assertThat(calls).isEqualTo(operations().size() * ROLES.size());
  }

  /** A new staff operation must come with its rule and its row, or this test fails. */
  @Test
  void everyStaffApiOperationNamesItsGroupsAndHasARow() {
    Set<String> inTable = new TreeSet<>();
    for (Operation operation : operations()) {
      inTable.add(
          operation.method()
              + " "
              + operation
                  .path()
                  .replaceAll(
                      "/(0|\\{[CD]\\}|umbrella|initech|no-one|no\\.one@initech\\.example)(?=/|$)",
                      "/*"));
    }
    Map<String, String> unruled = new LinkedHashMap<>();
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      for (String pattern : entry.getKey().getPatternValues()) {
        if (!pattern.startsWith(StaffApiAuthentication.PATH)) {
          continue;
        }
        if (entry.getValue().getMethodAnnotation(StaffAccess.class) == null) {
          unruled.put(pattern, entry.getValue().getShortLogMessage());
        }
        entry
            .getKey()
            .getMethodsCondition()
            .getMethods()
            .forEach(
                method ->
                    operations.add(method.name() + " " + pattern.replaceAll("\\{[^}]+\\}", "*")));
      }
    }
    assertThat(unruled).as("staff operations without @StaffAccess").isEmpty();
    assertThat(inTable).as("every staff operation has a row").containsAll(operations);
  }
}
