package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseops.testsupport.Concurrently;
import io.caseops.testsupport.ContactClient;
import io.caseops.testsupport.Invitations;
import io.caseops.testsupport.StaffClient;
import io.caseops.testsupport.TableRows;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contact API over real HTTP, with the demo contacts (password: the e-mail's local part): every
 * endpoint's success path, the visibility rules as a table, both limit refusals per catalogue, the
 * idempotent retry, reopen in and out of the window, RCA allowed and refused, CC on a plan without
 * it. Subclasses pick the database.
 */
abstract class ContactApiScenarios {

  static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  @BeforeEach
  void demoSettings() {
    ClockUtil.setCurrentTime(Date.from(MONDAY));
    // Every test starts from the demo accounts' visibility settings.
    jdbc.update("update account set account_wide_visibility = false");
    jdbc.update(
        "update named_contact set visibility_scope = case when delegated_admin then 'all' else 'own' end");
    jdbc.update("update named_contact set visibility_scope = 'own' where account_id = 'globex'");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ContactClient as(String email) {
    return ContactClient.demo(port, email);
  }

  static String submission(String product, String region, String answers) {
    return """
        {"product": "%s", "subject": "Runner offline", "description": "Runner 7 is offline since noon.",
         %s "answers": %s}"""
        .formatted(product, region == null ? "" : "\"region\": \"" + region + "\",", answers);
  }

  static final String SEV2_AAI =
      """
      {"productionAffected": true, "productUsable": true, "workaroundAvailable": false, "usersAffected": "several",
       "businessImpact": "critical", "requestType": "incident"}""";
  static final String SEV1 =
      """
      {"productionAffected": true, "productUsable": false, "workaroundAvailable": false, "usersAffected": "all",
       "businessImpact": "critical", "requestType": "incident"}""";
  static final String MAJOR =
      """
      {"productionAffected": true, "productUsable": true, "workaroundAvailable": false, "usersAffected": "several",
       "businessImpact": "major", "requestType": "incident"}""";

  String open(String email, String product, String region, String answers) {
    ContactClient.Response created =
        as(email).post("/api/cases", submission(product, region, answers));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("caseNumber").asText();
  }

  void engineer(String caseNumber, String action, String reply) {
    String task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKeyIn(
                "Task_RespondToCustomer", "Task_RespondWithoutTarget", "Task_WorkCase")
            .singleResult()
            .getId();
    tasks.complete(
        task,
        Map.of(
            CaseVariables.ACTION,
            action,
            CaseVariables.PUBLIC_REPLY,
            reply,
            CaseVariables.INTERNAL_NOTE,
            "internal: customer runs an old agent"));
  }

  // --- escalation on request ---

  /**
   * A contact escalates over the API (Contoso, Ultimate: the designated manager); staff see it in
   * the case's history and may escalate too.
   */
  @Test
  void aContactEscalatesAndStaffSeeItInTheHistory() throws Exception {
    ContactClient chloe = as("chloe.martin@contoso.example");
    String number = open("chloe.martin@contoso.example", "adobe-experience-manager", null, MAJOR);
    String path = "/api/cases/" + number + "/escalation";

    ContactClient.Response noReason = chloe.post(path, "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.problemField()).isEqualTo("reason");
    ContactClient.Response tooLong =
        chloe.post(path, "{\"reason\": \"" + "x".repeat(TextLimits.REASON + 1) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(as("david.roux@contoso.example").post(path, "{\"reason\": \"not mine\"}").status())
        .as("another contact's case is not there for David")
        .isEqualTo(404);

    ContactClient.Response escalated = chloe.post(path, "{\"reason\": \"We lose orders\"}");
    assertThat(escalated.status()).as(escalated.body()).isEqualTo(202);
    assertThat(escalated.json().get("handledBy").asText()).isEqualTo("erin");
    assertThat(escalated.json().get("acknowledgeWithin").asText()).isEqualTo("PT1H");
    assertThat(escalated.json().get("acknowledgeBy").asText()).isEqualTo("2026-11-23T11:00:00Z");
    ContactClient.Response again = chloe.post(path, "{\"reason\": \"Still losing orders\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemField()).isEqualTo("caseNumber");
    assertThat(again.body()).contains("open escalation").doesNotContain("Exception");

    StaffClient staff = new StaffClient(port);
    HttpResponse<String> view = staff.get("/staff/api/cases/" + number, "emma", "emma");
    assertThat(view.statusCode()).isEqualTo(200);
    JsonNode history = ContactClient.JSON.readTree(view.body()).get("history");
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("kind").asText()).isEqualTo("escalation-requested");
    assertThat(history.get(0).get("actor").asText()).isEqualTo("chloe.martin@contoso.example");
    assertThat(history.get(0).get("detail").asText()).contains("We lose orders").contains("erin");

    // An engineer escalates a case of the pool (Globex, Orange).
    String globex = open("gina.ruiz@globex.example", "automation-360", null, SEV1);
    HttpResponse<String> byStaff =
        staff.postJson(
            "/staff/api/cases/" + globex + "/escalation",
            "{\"reason\": \"Customer threatens to leave\"}",
            "emma",
            "emma");
    assertThat(byStaff.statusCode()).as(byStaff.body()).isEqualTo(202);
    assertThat(ContactClient.JSON.readTree(byStaff.body()).get("handledBy").asText())
        .isEqualTo("escalation-managers");
    assertThat(as("gina.ruiz@globex.example").get("/api/cases/" + globex).body())
        .as("an engineer's reason is an internal note")
        .doesNotContain("Customer threatens to leave");
    assertThat(
            staff
                .postJson(
                    "/staff/api/cases/CASE-2026-999999/escalation",
                    "{\"reason\": \"x\"}",
                    "emma",
                    "emma")
                .statusCode())
        .isEqualTo(404);
  }

  // --- the success path ---

  @Test
  void aSilverContactSubmitsSeesRepliesAndConfirms() {
    ContactClient ivy = as("ivy.patel@initech.example");
    ContactClient.Response created =
        ivy.post("/api/cases", submission("automation-360", "EMEA", SEV2_AAI));
    assertThat(created.status()).isEqualTo(201);
    String number = created.json().get("caseNumber").asText();
    assertThat(created.header("Location")).isEqualTo("/api/cases/" + number);
    assertThat(created.json().get("status").asText()).isEqualTo("New");
    assertThat(created.json().get("severity").asInt()).isEqualTo(2);
    assertThat(created.json().get("responseTarget").asText()).isEqualTo("PT4H");
    assertThat(created.json().get("dueAt").asText()).isEqualTo("2026-11-23T14:00:00Z");

    engineer(number, NextStep.PROVIDE_RESOLUTION.value(), "Restart the runner service.");
    JsonNode view = ivy.get("/api/cases/" + number).json();
    assertThat(view.get("status").asText()).isEqualTo("Resolution provided");
    assertThat(view.get("sla").get("outcome").asText()).isEqualTo("met");
    assertThat(view.get("messages"))
        .extracting(message -> message.get("text").asText())
        .containsExactly("Runner 7 is offline since noon.", "Restart the runner service.");
    assertThat(ivy.get("/api/cases/" + number).body())
        .doesNotContain("internal: customer runs an old agent");

    assertThat(
            ivy.post("/api/cases/" + number + "/messages", "{\"text\": \"Restarted; looks good.\"}")
                .status())
        .isEqualTo(201);
    assertThat(ivy.get("/api/cases/" + number).json().get("status").asText())
        .isEqualTo("In progress");
    engineer(number, NextStep.PROVIDE_RESOLUTION.value(), "Then we are done.");
    assertThat(ivy.post("/api/cases/" + number + "/confirm-resolution", null).status())
        .isEqualTo(204);
    assertThat(ivy.get("/api/cases/" + number).json().get("status").asText()).isEqualTo("Closed");
    ContactClient.Response late =
        ivy.post("/api/cases/" + number + "/messages", "{\"text\": \"One more thing\"}");
    assertThat(late.status()).isEqualTo(422);
    assertThat(late.json().get("detail").asText())
        .endsWith("is closed: reopen it first (within 14 days of closure)");

    JsonNode list = ivy.get("/api/cases?status=Closed&product=automation-360&size=5").json();
    assertThat(list.get("cases"))
        .extracting(item -> item.get("caseNumber").asText())
        .contains(number);
    assertThat(list.get("size").asInt()).isEqualTo(5);
  }

  /**
   * Reading is not writing: a contact's reads (who am I, the list, a case, the account) leave every
   * table as it was, decision history included (the visibility check evaluates no decision with
   * history).
   */
  @Test
  void aContactsReadsWriteNothing() {
    ContactClient ivy = as("ivy.patel@initech.example");
    String number = open("ivy.patel@initech.example", "automation-360", "EMEA", SEV2_AAI);
    ivy.get("/api/me"); // the first login of the run is remembered, in memory only
    Map<String, Long> before = TableRows.count(jdbc);
    for (String path :
        List.of("/api/me", "/api/cases", "/api/cases?status=New&size=5", "/api/cases/" + number)) {
      for (int i = 0; i < 3; i++) {
        assertThat(ivy.get(path).status()).as(path).isEqualTo(200);
      }
    }
    assertThat(TableRows.count(jdbc)).isEqualTo(before);
  }

  @Test
  void aRetriedSubmissionWithTheSameKeyReturnsTheFirstCase() {
    ContactClient ivy = as("ivy.patel@initech.example");
    Integer before = jdbc.queryForObject("select count(*) from support_case", Integer.class);
    ContactClient.Response first =
        ivy.post("/api/cases", submission("automation-360", "EMEA", SEV2_AAI), "retry-1");
    ContactClient.Response again =
        ivy.post("/api/cases", submission("automation-360", "EMEA", SEV2_AAI), "retry-1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("caseNumber")).isEqualTo(first.json().get("caseNumber"));
    assertThat(jdbc.queryForObject("select count(*) from support_case", Integer.class))
        .isEqualTo(before + 1);
    // The same key from another contact is another submission.
    assertThat(
            as("jon.berg@initech.example")
                .post("/api/cases", submission("automation-360", "EMEA", SEV2_AAI), "retry-1")
                .json()
                .get("caseNumber"))
        .isNotEqualTo(first.json().get("caseNumber"));
  }

  @Test
  void aKeyUsedAgainForAnotherSubmissionIsRefusedNamingTheKey() {
    ContactClient ivy = as("ivy.patel@initech.example");
    ContactClient.Response first =
        ivy.post("/api/cases", submission("automation-360", "EMEA", SEV2_AAI), "reused-1");
    assertThat(first.status()).isEqualTo(201);
    Integer before = jdbc.queryForObject("select count(*) from support_case", Integer.class);
    ContactClient.Response other =
        ivy.post(
            "/api/cases",
            submission("automation-360", "EMEA", SEV2_AAI).replace("Runner offline", "Bot stuck"),
            "reused-1");
    assertThat(other.status()).as(other.body()).isEqualTo(422);
    assertThat(other.problemField()).isEqualTo("Idempotency-Key");
    assertThat(other.body())
        .contains("already used for another submission")
        .contains(first.json().get("caseNumber").asText());
    assertThat(jdbc.queryForObject("select count(*) from support_case", Integer.class))
        .as("nothing opened")
        .isEqualTo(before);
  }

  // --- visibility ---

  @ParameterizedTest(name = "{0}: {1} ({2}) on a case of {3} -> {4}")
  @CsvSource({
    // plan,     viewer,                         setting,                  submitter,
    //       status
    "orange,     gina.ruiz@globex.example,       -,                        gina.ruiz@globex.example,       200",
    "orange,     hugo.sanz@globex.example,       admin scope all (ignored), gina.ruiz@globex.example,      404",
    "silver,     jon.berg@initech.example,       -,                        ivy.patel@initech.example,      404",
    "silver,     jon.berg@initech.example,       account-wide,             ivy.patel@initech.example,      200",
    "silver,     ivy.patel@initech.example,      admin (no scope on Silver), jon.berg@initech.example,     404",
    "silver,     jon.berg@initech.example,       in CC,                    ivy.patel@initech.example,      200",
    "gold,       kei.tanaka@umbrella.example,    admin scope all,          lena.kraus@umbrella.example,    200",
    "gold,       kei.tanaka@umbrella.example,    admin scope own,          lena.kraus@umbrella.example,    404",
    "gold,       lena.kraus@umbrella.example,    -,                        kei.tanaka@umbrella.example,    404",
    "gold,       lena.kraus@umbrella.example,    account-wide,             kei.tanaka@umbrella.example,    200",
    "expert,     ben.cho@northwind.example,      -,                        ana.lima@northwind.example,     404",
    "expert,     ana.lima@northwind.example,     admin (no scope on Adobe), ben.cho@northwind.example,     404",
    "other,      ana.lima@northwind.example,     another account,          ivy.patel@initech.example,      404"
  })
  void whoSeesWhichCase(String plan, String viewer, String setting, String submitter, int status) {
    String product =
        submitter.endsWith("northwind.example") ? "adobe-experience-manager" : "automation-360";
    String region =
        submitter.endsWith("initech.example") || submitter.endsWith("umbrella.example")
            ? "EMEA"
            : null;
    String body = submission(product, region, MAJOR);
    if (setting.equals("in CC")) {
      body = body.replace("\"answers\"", "\"cc\": [\"" + viewer + "\"], \"answers\"");
    }
    ContactClient.Response created = as(submitter).post("/api/cases", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().get("caseNumber").asText();
    String account =
        viewer.substring(viewer.indexOf('@') + 1, viewer.indexOf('.', viewer.indexOf('@')));
    switch (setting) {
      case "account-wide" ->
          jdbc.update("update account set account_wide_visibility = true where id = ?", account);
      case "admin scope own" ->
          jdbc.update("update named_contact set visibility_scope = 'own' where email = ?", viewer);
      case "admin scope all (ignored)" ->
          jdbc.update("update named_contact set visibility_scope = 'all' where email = ?", viewer);
      default -> {}
    }

    ContactClient.Response seen = as(viewer).get("/api/cases/" + number);
    assertThat(seen.status()).as(seen.body()).isEqualTo(status);
    boolean listed =
        as(viewer)
            .get("/api/cases?size=100")
            .json()
            .get("cases")
            .findValuesAsText("caseNumber")
            .contains(number);
    assertThat(listed).as("the list agrees with the case").isEqualTo(status == 200);
  }

  @Test
  void orangeCannotTurnOnAccountWideVisibility() {
    ContactClient.Response refused =
        as("gina.ruiz@globex.example").put("/api/account/visibility", "{\"accountWide\": true}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("detail").asText())
        .contains("orange plan has no account-wide visibility");
  }

  @Test
  void goldAdminsChooseTheirScopeAndSilverAdminsCannot() {
    assertThat(
            as("kei.tanaka@umbrella.example")
                .put(
                    "/api/account/visibility",
                    "{\"adminScopes\": {\"kei.tanaka@umbrella.example\": \"own\"}}")
                .status())
        .isEqualTo(204);
    assertThat(
            jdbc.queryForObject(
                "select visibility_scope from named_contact where email = ?",
                String.class,
                "kei.tanaka@umbrella.example"))
        .isEqualTo("own");
    ContactClient.Response silver =
        as("ivy.patel@initech.example")
            .put(
                "/api/account/visibility",
                "{\"adminScopes\": {\"ivy.patel@initech.example\": \"own\"}}");
    assertThat(silver.status()).isEqualTo(422);
    assertThat(
            as("ivy.patel@initech.example")
                .put("/api/account/visibility", "{\"accountWide\": true}")
                .status())
        .isEqualTo(204);
    assertThat(
            as("jon.berg@initech.example")
                .put("/api/account/visibility", "{\"accountWide\": false}")
                .status())
        .as("only delegated administrators")
        .isEqualTo(403);
  }

  // --- contacts and their limits ---

  @Test
  void silverStopsAtSixNamedContacts() {
    ContactClient ivy = as("ivy.patel@initech.example");
    try {
      for (int i = 1; i <= 4; i++) {
        ContactClient.Response added =
            ivy.post(
                "/api/account/contacts",
                "{\"email\": \"extra%d@initech.example\", \"displayName\": \"Extra %d\"}"
                    .formatted(i, i));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("invitation").get("email").asText())
            .isEqualTo("extra%d@initech.example".formatted(i));
        assertThat(added.json().has("initialPassword")).as("no one but the contact").isFalse();
      }
      ContactClient.Response seventh =
          ivy.post(
              "/api/account/contacts",
              "{\"email\": \"extra5@initech.example\", \"displayName\": \"Extra 5\"}");
      assertThat(seventh.status()).isEqualTo(422);
      assertThat(seventh.json().get("detail").asText())
          .isEqualTo("The silver plan allows 6 named contacts; Initech has 6. Remove one first.");
      assertThat(ivy.get("/api/account/contacts").json()).hasSize(6);
    } finally {
      for (int i = 1; i <= 4; i++) {
        ivy.delete("/api/account/contacts/extra" + i + "@initech.example");
      }
    }
  }

  @Test
  void expertStopsAtFourContactsInAllAndOneAdministrator() {
    ContactClient ana = as("ana.lima@northwind.example");
    try {
      ContactClient.Response admin =
          ana.post(
              "/api/account/contacts",
              "{\"email\": \"boss@northwind.example\", \"displayName\": \"Boss\", \"delegatedAdmin\": true}");
      assertThat(admin.status()).isEqualTo(422);
      assertThat(admin.json().get("detail").asText())
          .isEqualTo("The expert plan allows 1 delegated administrator; Northwind Traders has 1");
      assertThat(admin.problemField()).isEqualTo("delegatedAdmin");
      assertThat(
              ana.post(
                      "/api/account/contacts",
                      "{\"email\": \"c3@northwind.example\", \"displayName\": \"C3\"}")
                  .status())
          .isEqualTo(201);
      assertThat(
              ana.post(
                      "/api/account/contacts",
                      "{\"email\": \"c4@northwind.example\", \"displayName\": \"C4\"}")
                  .status())
          .isEqualTo(201);
      ContactClient.Response fifth =
          ana.post(
              "/api/account/contacts",
              "{\"email\": \"c5@northwind.example\", \"displayName\": \"C5\"}");
      assertThat(fifth.status()).isEqualTo(422);
      assertThat(fifth.json().get("detail").asText())
          .isEqualTo(
              "The expert plan allows 4 named contacts in all, across all products; Northwind Traders has 4. "
                  + "Remove one first.");

      // Granting administration to a contact meets the same limit, in the same words.
      ContactClient.Response grant =
          ana.put("/api/account/contacts/c3@northwind.example/admin", "{\"delegatedAdmin\": true}");
      assertThat(grant.status()).isEqualTo(422);
      assertThat(grant.json().get("detail").asText())
          .isEqualTo("The expert plan allows 1 delegated administrator; Northwind Traders has 1");
      ContactClient.Response revokeSelf =
          ana.put(
              "/api/account/contacts/ana.lima@northwind.example/admin",
              "{\"delegatedAdmin\": false}");
      assertThat(revokeSelf.status()).isEqualTo(422);
      assertThat(revokeSelf.problemField()).isEqualTo("delegatedAdmin");
      assertThat(
              ana.put(
                      "/api/account/contacts/nobody@northwind.example/admin",
                      "{\"delegatedAdmin\": true}")
                  .status())
          .isEqualTo(404);

      var overview = ana.get("/api/account").json();
      assertThat(overview.get("namedContactLimit").asInt()).isEqualTo(4);
      assertThat(overview.get("contacts").size()).isEqualTo(4);
      assertThat(overview.get("delegatedAdminLimit").asInt()).isEqualTo(1);
      assertThat(overview.get("delegatedAdmins").asInt()).isEqualTo(1);
      assertThat(overview.get("accountWideVisibilityOffered").asBoolean()).isFalse();
      assertThat(overview.has("serviceHours")).isTrue();
    } finally {
      ana.delete("/api/account/contacts/c3@northwind.example");
      ana.delete("/api/account/contacts/c4@northwind.example");
    }
  }

  @Test
  void ultimateCountsContactsPerProduct() {
    ContactClient chloe = as("chloe.martin@contoso.example");
    try {
      for (int i = 1; i <= 14; i++) {
        assertThat(
                chloe
                    .post(
                        "/api/account/contacts",
                        ("{\"email\": \"t%d@contoso.example\", \"displayName\": "
                                + "\"T%d\", \"products\": [\"adobe-target\"]}")
                            .formatted(i, i))
                    .status())
            .isEqualTo(201);
      }
      ContactClient.Response sixteenth =
          chloe.post(
              "/api/account/contacts",
              "{\"email\": \"t15@contoso.example\", \"displayName\": \"T15\", \"products\": [\"adobe-target\"]}");
      assertThat(sixteenth.status()).isEqualTo(422);
      assertThat(sixteenth.json().get("detail").asText())
          .isEqualTo(
              "The ultimate plan allows 15 named contacts per product; Contoso Ltd has 15 for adobe-target");
      assertThat(
              chloe
                  .post(
                      "/api/account/contacts",
                      "{\"email\": \"t15@contoso.example\", \"displayName\": "
                          + "\"T15\", \"products\": [\"adobe-analytics\"]}")
                  .status())
          .as("another product")
          .isEqualTo(201);
      ContactClient.Response noProduct =
          chloe.post(
              "/api/account/contacts",
              "{\"email\": \"t16@contoso.example\", \"displayName\": \"T16\"}");
      assertThat(noProduct.status()).isEqualTo(400);
      assertThat(noProduct.problemField()).isEqualTo("products");
    } finally {
      for (int i = 1; i <= 15; i++) {
        chloe.delete("/api/account/contacts/t" + i + "@contoso.example");
      }
    }
  }

  @Test
  void goldStopsAtTenAdministrators() {
    ContactClient kei = as("kei.tanaka@umbrella.example");
    try {
      for (int i = 1; i <= 9; i++) {
        assertThat(
                kei.post(
                        "/api/account/contacts",
                        ("{\"email\": \"a%d@umbrella.example\", \"displayName\": "
                                + "\"A%d\", \"delegatedAdmin\": true}")
                            .formatted(i, i))
                    .status())
            .isEqualTo(201);
      }
      ContactClient.Response eleventh =
          kei.post(
              "/api/account/contacts",
              "{\"email\": \"a10@umbrella.example\", \"displayName\": \"A10\", \"delegatedAdmin\": true}");
      assertThat(eleventh.status()).isEqualTo(422);
      assertThat(eleventh.json().get("detail").asText())
          .isEqualTo("The gold plan allows 10 delegated administrators; Umbrella Health has 10");
    } finally {
      for (int i = 1; i <= 9; i++) {
        kei.delete("/api/account/contacts/a" + i + "@umbrella.example");
      }
    }
  }

  @Test
  void aRemovedContactLosesAccessAtOnceAndAddedAgainIsNoOneElsesToSignInAs() throws Exception {
    ContactClient ivy = as("ivy.patel@initech.example");
    String hire = "new.hire@initech.example";
    try {
      assertThat(
              ivy.post(
                      "/api/account/contacts",
                      "{\"email\": \"new.hire@initech.example\", \"displayName\": \"New Hire\", \"timeZone\": \"Europe/Paris\"}")
                  .status())
          .isEqualTo(201);
      Invitations.acceptLatest(port, jdbc, hire, "the hire's own passphrase");
      ContactClient newHire = new ContactClient(port, hire, "the hire's own passphrase");
      assertThat(newHire.get("/api/cases").status()).isEqualTo(200);

      assertThat(ivy.delete("/api/account/contacts/" + hire).status()).isEqualTo(204);
      assertThat(newHire.get("/api/cases").status()).isEqualTo(401);

      // The same e-mail added again: neither the old password nor anything the administrator
      // saw opens it, until the contact chooses a password through the new mail.
      ContactClient.Response again =
          ivy.post(
              "/api/account/contacts",
              "{\"email\": \"new.hire@initech.example\", \"displayName\": \"New Hire\"}");
      assertThat(again.status()).isEqualTo(201);
      assertThat(again.json().has("initialPassword")).isFalse();
      assertThat(again.json().get("invitation").get("email").asText()).isEqualTo(hire);
      assertThat(newHire.get("/api/cases").status()).isEqualTo(401);
      assertThat(new ContactClient(port, hire, "").get("/api/cases").status()).isEqualTo(401);
      Invitations.acceptLatest(port, jdbc, hire, "a second passphrase of the hire");
      assertThat(
              new ContactClient(port, hire, "a second passphrase of the hire")
                  .get("/api/cases")
                  .status())
          .isEqualTo(200);
      assertThat(ivy.delete("/api/account/contacts/ana.lima@northwind.example").status())
          .as("another account's contact does not exist here")
          .isEqualTo(404);
    } finally {
      ivy.delete("/api/account/contacts/" + hire);
    }
  }

  @Test
  void aContactSetsTheirOwnNameTimeZoneAndLanguageWithinTheRules() {
    ContactClient jon = as("jon.berg@initech.example");
    try {
      ContactClient.Response bad =
          jon.put(
              "/api/me",
              "{\"displayName\": \" \", \"timeZone\": \"Mars/Olympus\", \"language\": \"de\"}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body())
          .contains("displayName")
          .contains("is required")
          .contains("must be an IANA time zone such as Europe/Paris, got 'Mars/Olympus'")
          .contains("must be one of [en, fr], got 'de'");
      assertThat(jon.get("/api/me").json().get("zone").asText())
          .as("nothing half-written")
          .isEqualTo("America/New_York");

      ContactClient.Response saved =
          jon.put(
              "/api/me",
              "{\"displayName\": \"Jon Berg <b>\", \"timeZone\": \"Europe/Paris\", \"language\": \"fr\"}");
      assertThat(saved.status()).isEqualTo(200);
      assertThat(saved.json().get("displayName").asText()).isEqualTo("Jon Berg <b>");
      assertThat(jon.get("/api/me").json().get("zone").asText()).isEqualTo("Europe/Paris");
      assertThat(jon.get("/api/me").json().get("language").asText()).isEqualTo("fr");
    } finally {
      jon.put(
          "/api/me",
          "{\"displayName\": \"Jon Berg\", \"timeZone\": \"America/New_York\", \"language\": null}");
    }
  }

  @Test
  void aNewContactChoosesTheirPasswordThroughALinkThatWorksOnceAndExpires() throws Exception {
    ContactClient ivy = as("ivy.patel@initech.example");
    String pat = "pw.change@initech.example";
    try {
      ContactClient.Response added =
          ivy.post(
              "/api/account/contacts",
              "{\"email\": \"pw.change@initech.example\", \"displayName\": \"Pat Change\"}");
      assertThat(added.status()).isEqualTo(201);
      assertThat(Instant.parse(added.json().get("invitation").get("expiresAt").asText()))
          .isEqualTo(MONDAY.plus(Duration.ofDays(7)));
      assertThat(ivy.get("/api/account").json().get("invitations").toString())
          .contains(pat)
          .contains("2026-11-30T10:00:00Z");
      String first = Invitations.linkFor(jdbc, pat);

      // Another mail: the first link stops working.
      ContactClient.Response resent = ivy.post("/api/account/contacts/" + pat + "/invitation", "");
      assertThat(resent.status()).as(resent.body()).isEqualTo(202);
      String link = Invitations.linkFor(jdbc, pat);
      assertThat(link).isNotEqualTo(first);
      assertThat(Invitations.accept(port, first, "a long new passphrase").statusCode())
          .isEqualTo(410);

      assertThat(Invitations.accept(port, link, "short").statusCode()).isEqualTo(400);
      assertThat(Invitations.accept(port, link, "a long new passphrase").statusCode())
          .isEqualTo(302);
      assertThat(Invitations.accept(port, link, "another passphrase").statusCode())
          .as("once")
          .isEqualTo(410);
      ContactClient patChange = new ContactClient(port, pat, "a long new passphrase");
      assertThat(patChange.get("/api/me").json().get("displayName").asText())
          .isEqualTo("Pat Change");
      assertThat(patChange.get("/api/me").json().get("passwordChangeRequired").asBoolean())
          .isFalse();
      assertThat(ivy.get("/api/account").json().get("invitations")).isEmpty();
      ContactClient.Response noneToSend =
          ivy.post("/api/account/contacts/" + pat + "/invitation", "");
      assertThat(noneToSend.status()).isEqualTo(422);
      assertThat(noneToSend.json().get("detail").asText())
          .isEqualTo(pat + " has set a password already: there is no invitation to send");

      // The contact's own change: the current password is required.
      ContactClient.Response wrongCurrent =
          patChange.put(
              "/api/me/password",
              "{\"currentPassword\": \"guess\", \"newPassword\": \"a longer new passphrase\"}");
      assertThat(wrongCurrent.status()).isEqualTo(400);
      assertThat(wrongCurrent.problemField()).isEqualTo("currentPassword");
      // Just verified, so remembered (VerifiedLogins); removed, refused at once all the same.
      assertThat(ivy.delete("/api/account/contacts/" + pat).status()).isEqualTo(204);
      assertThat(patChange.get("/api/me").status()).isEqualTo(401);
    } finally {
      ivy.delete("/api/account/contacts/" + pat);
    }
  }

  @Test
  void anInvitationNotUsedInSevenDaysNoLongerWorks() throws Exception {
    ContactClient ivy = as("ivy.patel@initech.example");
    String late = "late.comer@initech.example";
    try {
      ivy.post(
          "/api/account/contacts",
          "{\"email\": \"late.comer@initech.example\", \"displayName\": \"Late Comer\"}");
      String link = Invitations.linkFor(jdbc, late);
      ClockUtil.setCurrentTime(Date.from(MONDAY.plus(Duration.ofDays(7))));
      assertThat(Invitations.accept(port, link, "a long new passphrase").statusCode())
          .isEqualTo(410);
      assertThat(new ContactClient(port, late, "a long new passphrase").get("/api/me").status())
          .isEqualTo(401);
      ClockUtil.setCurrentTime(Date.from(MONDAY.plus(Duration.ofDays(7)).minusSeconds(1)));
      assertThat(Invitations.accept(port, link, "a long new passphrase").statusCode())
          .as("a second before, it still worked")
          .isEqualTo(302);
    } finally {
      ivy.delete("/api/account/contacts/" + late);
    }
  }

  @Test
  void onlyNamedContactsGetIn() {
    assertThat(new ContactClient(port, null, null).get("/api/cases").status()).isEqualTo(401);
    assertThat(new ContactClient(port, "demo", "demo").get("/api/cases").status())
        .as("staff are no contacts")
        .isEqualTo(401);
    assertThat(
            new ContactClient(port, "ivy.patel@initech.example", "wrong")
                .get("/api/cases")
                .status())
        .isEqualTo(401);
    assertThat(
            new ContactClient(port, null, null)
                .get("/api/policy/calendars/EMEA?catalogue=automation-anywhere")
                .status())
        .as("the policy stays public")
        .isEqualTo(200);
    assertThat(new ContactClient(port, null, null).get("/v3/api-docs").body())
        .contains("/api/cases")
        .contains("/api/account/contacts");
  }

  // --- reopen, RCA, CC ---

  /**
   * Deploys every model and form as shipped (decisions and forms are bound per deployment), but
   * with these periods for the reopen window and the no-answer closure, as a process owner would in
   * Modeler.
   */
  void deployPeriods(String reopenWindow, String noAnswer) throws Exception {
    var deployment = repository.createDeployment().name("periods-" + reopenWindow + "-" + noAnswer);
    for (String folder : List.of("processes", "forms")) {
      try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
        for (java.nio.file.Path file : files.sorted().toList()) {
          String text =
              java.nio.file.Files.readString(file)
                  .replace(
                      "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P14D<",
                      "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">"
                          + reopenWindow
                          + "<")
                  .replace(
                      "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P6D<",
                      "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">" + noAnswer + "<");
          deployment.addString(file.getFileName().toString(), text);
        }
      }
    }
    deployment.deploy();
  }

  @Test
  void weeksInTheModelsWorkAndACaseKeepsTheWindowOfItsOwnVersion() throws Exception {
    String older = open("ivy.patel@initech.example", "automation-360", "EMEA", SEV2_AAI);
    engineer(older, NextStep.CLOSE.value(), "Closing as agreed.");
    deployPeriods("P2W", "P1W");
    try {
      // Every customer mail quotes the no-answer period: with P1W the intake itself failed.
      String newer = open("ivy.patel@initech.example", "automation-360", "EMEA", SEV2_AAI);
      engineer(newer, NextStep.CLOSE.value(), "Closing as agreed.");
      ContactClient ivy = as("ivy.patel@initech.example");
      assertThat(ivy.get("/api/cases/" + newer).json().get("status").asText())
          .as("a P2W reopen window closes the case")
          .isEqualTo("Closed");
      assertThat(
              ivy.post("/api/cases/" + newer + "/messages", "{\"text\": \"Again.\"}")
                  .json()
                  .get("detail")
                  .asText())
          .endsWith("reopen it first (within 2 weeks of closure)");
      assertThat(
              ivy.post("/api/cases/" + older + "/messages", "{\"text\": \"Again.\"}")
                  .json()
                  .get("detail")
                  .asText())
          .as("the older case keeps the window of the version it ran")
          .endsWith("reopen it first (within 14 days of closure)");
    } finally {
      deployPeriods("P14D", "P6D");
    }
  }

  @Test
  void aReopenWithin14DaysWorksAndLaterSaysToOpenARelatedCase() {
    ContactClient ana = as("ana.lima@northwind.example");
    String inWindow = open("ana.lima@northwind.example", "adobe-experience-manager", null, MAJOR);
    String outOfWindow =
        open("ana.lima@northwind.example", "adobe-experience-manager", null, MAJOR);
    engineer(inWindow, NextStep.CLOSE.value(), "Closing as agreed.");
    engineer(outOfWindow, NextStep.CLOSE.value(), "Closing as agreed.");

    ClockUtil.setCurrentTime(Date.from(MONDAY.plus(Duration.ofDays(13))));
    assertThat(
            ana.post("/api/cases/" + inWindow + "/reopen", "{\"reason\": \"It is back.\"}")
                .status())
        .isEqualTo(204);
    assertThat(ana.get("/api/cases/" + inWindow).json().get("status").asText())
        .isEqualTo("Reopened");

    ClockUtil.setCurrentTime(Date.from(MONDAY.plus(Duration.ofDays(15))));
    ContactClient.Response late = ana.post("/api/cases/" + outOfWindow + "/reopen", null);
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asText())
        .contains("open a new case with relatedCase = " + outOfWindow);
    ContactClient.Response lateReply =
        ana.post("/api/cases/" + outOfWindow + "/messages", "{\"text\": \"It is back.\"}");
    assertThat(lateReply.status()).isEqualTo(422);
    assertThat(lateReply.json().get("detail").asText())
        .as("past the window, no 'reopen it first'")
        .contains("reopen window ended on")
        .contains("open a new case with relatedCase = " + outOfWindow)
        .doesNotContain("reopen it first");
    ContactClient.Response related =
        ana.post(
            "/api/cases",
            submission("adobe-experience-manager", null, MAJOR)
                .replace("\"answers\"", "\"relatedCase\": \"" + outOfWindow + "\", \"answers\""));
    assertThat(related.status()).isEqualTo(201);
    String followUp = related.json().get("caseNumber").asText();
    assertThat(ana.get("/api/cases/" + followUp).json().get("relatedCase").asText())
        .isEqualTo(outOfWindow);

    // The follow-up's engineer sees the closed case it continues, whichever team held that one.
    String team =
        jdbc.queryForObject(
            "select candidate_group from support_case where case_number = ?",
            String.class,
            followUp);
    jdbc.update(
        "update support_case set candidate_group = ? where case_number = ?",
        team.equals("team-japan") ? "team-apac" : "team-japan",
        outOfWindow);
    String engineer = io.caseops.testsupport.DemoStaff.ENGINEER_OF.get(team);
    HttpResponse<String> earlier =
        new StaffClient(port).get("/staff/api/cases/" + outOfWindow, engineer, engineer);
    assertThat(earlier.statusCode()).as(engineer + " of " + team).isEqualTo(200);
    assertThat(new StaffClient(port).get("/staff/api/cases/" + followUp, engineer, engineer).body())
        .contains("\"relatedCase\":\"" + outOfWindow + "\"");
    org.camunda.bpm.engine.task.Task task =
        tasks.createTaskQuery().processInstanceBusinessKey(followUp).list().get(0);
    assertThat((String) tasks.getVariableLocal(task.getId(), "briefing"))
        .contains("**Follows:** " + outOfWindow + " (Closed on ");
  }

  @Test
  void rootCauseAnalysesForSev1OnPlansThatIncludeThem() {
    String goldSev1 = open("kei.tanaka@umbrella.example", "automation-360", "JAPAN-KOREA", SEV1);
    assertThat(
            as("kei.tanaka@umbrella.example")
                .post("/api/cases/" + goldSev1 + "/root-cause-analysis", null)
                .status())
        .isEqualTo(202);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(goldSev1)
                .taskDefinitionKey("Task_WriteRcaDocument")
                .count())
        .isEqualTo(1);

    String goldSev2 =
        open("kei.tanaka@umbrella.example", "automation-360", "JAPAN-KOREA", SEV2_AAI);
    ContactClient.Response sev2 =
        as("kei.tanaka@umbrella.example")
            .post("/api/cases/" + goldSev2 + "/root-cause-analysis", null);
    assertThat(sev2.status()).isEqualTo(422);
    assertThat(sev2.json().get("detail").asText()).contains("severity 1 cases");

    String expertSev1 = open("ana.lima@northwind.example", "adobe-experience-manager", null, SEV1);
    ContactClient.Response expert =
        as("ana.lima@northwind.example")
            .post("/api/cases/" + expertSev1 + "/root-cause-analysis", null);
    assertThat(expert.status()).isEqualTo(422);
    assertThat(expert.json().get("detail").asText())
        .contains("expert plan does not include root-cause analyses");

    // A Sev 1 lowered to 4 was Sev 1 all the same: the right to an RCA stays.
    String lowered = open("kei.tanaka@umbrella.example", "automation-360", "JAPAN-KOREA", SEV1);
    tasks.complete(
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(lowered)
            .taskDefinitionKeyIn("Task_RespondToCustomer", "Task_WorkCase")
            .singleResult()
            .getId(),
        Map.of(
            CaseVariables.ACTION,
            NextStep.RECLASSIFY.value(),
            CaseVariables.NEW_SEVERITY,
            "4",
            CaseVariables.RECLASSIFY_REASON,
            "one bot, a workaround exists"));
    assertThat(
            as("kei.tanaka@umbrella.example")
                .get("/api/cases/" + lowered)
                .json()
                .get("severity")
                .asInt())
        .isEqualTo(4);
    assertThat(
            as("kei.tanaka@umbrella.example")
                .post("/api/cases/" + lowered + "/root-cause-analysis", null)
                .status())
        .isEqualTo(202);
  }

  @Test
  void ccContactsOnlyWhereThePlanHasThem() {
    String silver = open("ivy.patel@initech.example", "automation-360", "EMEA", MAJOR);
    assertThat(
            as("ivy.patel@initech.example")
                .put("/api/cases/" + silver + "/cc", "{\"cc\": [\"jon.berg@initech.example\"]}")
                .status())
        .isEqualTo(204);
    assertThat(as("jon.berg@initech.example").get("/api/cases/" + silver).status()).isEqualTo(200);
    ContactClient.Response foreign =
        as("ivy.patel@initech.example")
            .put("/api/cases/" + silver + "/cc", "{\"cc\": [\"ana.lima@northwind.example\"]}");
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.problemField()).isEqualTo("cc");

    String expert = open("ana.lima@northwind.example", "adobe-experience-manager", null, MAJOR);
    ContactClient.Response refused =
        as("ana.lima@northwind.example")
            .put("/api/cases/" + expert + "/cc", "{\"cc\": [\"ben.cho@northwind.example\"]}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("detail").asText()).contains("no CC contacts");
  }

  // --- defects of issue 9: each test failed before its fix ---

  @Test
  void seeingACaseIsNotManagingIt() {
    String number = open("ivy.patel@initech.example", "automation-360", "EMEA", MAJOR);
    assertThat(
            as("ivy.patel@initech.example")
                .put("/api/cases/" + number + "/cc", "{\"cc\": [\"jon.berg@initech.example\"]}")
                .status())
        .isEqualTo(204);
    engineer(number, NextStep.PROVIDE_RESOLUTION.value(), "Restart the runner service.");

    ContactClient jon = as("jon.berg@initech.example");
    for (String[] action :
        new String[][] {
          {"POST", "/confirm-resolution", null},
          {"POST", "/reopen", null},
          {"POST", "/root-cause-analysis", null},
          {"PUT", "/cc", "{\"cc\": []}"}
        }) {
      ContactClient.Response refused =
          jon.send(
              action[0], "/api/cases/" + number + action[1], action[2], "application/json", null);
      assertThat(refused.status()).as(action[1] + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().get("detail").asText()).contains("Only the submitter of " + number);
    }
    assertThat(
            jdbc.queryForList(
                "select email from case_cc where case_number = ?", String.class, number))
        .containsExactly("jon.berg@initech.example");
    // A contact in CC reads and replies: the reply ends the wait for the customer.
    assertThat(
            jon.post(
                    "/api/cases/" + number + "/messages", "{\"text\": \"Jon here: still broken.\"}")
                .status())
        .isEqualTo(201);
    assertThat(jon.get("/api/cases/" + number).json().get("status").asText())
        .isEqualTo("In progress");
  }

  @Test
  void aQuestionNeedsOnlyItsRequestTypeAndAProposalNeverDecides() {
    ContactClient ivy = as("ivy.patel@initech.example");
    ContactClient.Response question =
        ivy.post(
            "/api/cases",
            submission("automation-360", "EMEA", "{\"requestType\": \"question\"}")
                .replace("\"answers\"", "\"proposedSeverity\": 1, \"answers\""));
    assertThat(question.status()).as(question.body()).isEqualTo(201);
    assertThat(question.json().get("severity").asInt())
        .as("the answers classify, the proposal is only kept")
        .isEqualTo(4);
    String number = question.json().get("caseNumber").asText();
    assertThat(ivy.get("/api/cases/" + number).json().get("proposedSeverity").asInt()).isEqualTo(1);
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsRefusedNamingTheLimit() {
    ContactClient gina = as("gina.ruiz@globex.example");
    String tooLong = "é".repeat(37); // 37 characters, 74 bytes in UTF-8
    ContactClient.Response refused =
        gina.put(
            "/api/me/password",
            "{\"currentPassword\": \"gina.ruiz\", \"newPassword\": \"" + tooLong + "\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.problemField()).isEqualTo("newPassword");
    assertThat(refused.json().get("detail").asText()).contains("72 bytes");
    // Logging in with such a password is a plain 401, not a 500.
    assertThat(
            new ContactClient(port, "gina.ruiz@globex.example", "x".repeat(200))
                .get("/api/me")
                .status())
        .isEqualTo(401);
    assertThat(gina.get("/api/me").status()).as("the password is unchanged").isEqualTo(200);
  }

  @Test
  void twentyThousandCharactersTravelThroughTheApi() {
    String description = "Runner log follows. " + "x".repeat(19_980);
    ContactClient ivy = as("ivy.patel@initech.example");
    ContactClient.Response created =
        ivy.post(
            "/api/cases",
            submission("automation-360", "EMEA", SEV2_AAI)
                .replace("Runner 7 is offline since noon.", description));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().get("caseNumber").asText();
    engineer(
        number,
        NextStep.REQUEST_INFORMATION.value(),
        "Send the whole log, please. " + "y".repeat(19_970));
    assertThat(
            ivy.post(
                    "/api/cases/" + number + "/messages",
                    "{\"text\": \"" + "z".repeat(20_000) + "\"}")
                .status())
        .isEqualTo(201);
    JsonNode view = ivy.get("/api/cases/" + number).json();
    assertThat(view.get("status").asText()).isEqualTo("In progress");
    assertThat(view.get("messages"))
        .extracting(message -> message.get("text").asText().length())
        .containsExactly(20_000, 19_998, 20_000);
  }

  @Test
  void aDoubleClickGetsOneClosureAndNoServerError() throws Exception {
    String number = open("ivy.patel@initech.example", "automation-360", "EMEA", MAJOR);
    engineer(number, NextStep.PROVIDE_RESOLUTION.value(), "Restart the runner service.");
    List<Integer> statuses =
        Concurrently.run(
            6,
            () ->
                as("ivy.patel@initech.example")
                    .post("/api/cases/" + number + "/confirm-resolution", null)
                    .status());
    assertThat(statuses).filteredOn(status -> status == 204).hasSize(1);
    assertThat(statuses).allMatch(status -> status == 204 || status == 409 || status == 422);
    assertThat(
            as("ivy.patel@initech.example")
                .get("/api/cases/" + number)
                .json()
                .get("status")
                .asText())
        .isEqualTo("Closed");
  }

  @Test
  void twoRcaRequestsAtOnceOpenOneRcaTask() throws Exception {
    String number = open("kei.tanaka@umbrella.example", "automation-360", "EMEA", SEV1);
    List<Integer> statuses =
        Concurrently.run(
            6,
            () ->
                as("kei.tanaka@umbrella.example")
                    .post("/api/cases/" + number + "/root-cause-analysis", null)
                    .status());
    assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
    assertThat(statuses).allMatch(status -> status == 202 || status == 409 || status == 422);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_WriteRcaDocument")
                .count())
        .isEqualTo(1);
  }
}
