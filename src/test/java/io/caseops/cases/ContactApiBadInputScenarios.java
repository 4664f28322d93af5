package io.caseops.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.ContactClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed requests across the contact API: each gets its status and names the field and the rule.
 * At the end, the database holds no case without its process and no process without its case, and
 * nothing more than before. Subclasses pick the database (PostgreSQL refuses some text H2 takes,
 * such as NUL characters).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ContactApiBadInputScenarios {

  /**
   * One bad request: who sends what, and the answer it must get. {@code {case}} is a case of Ivy's.
   */
  record Bad(
      String what,
      String contact,
      String method,
      String path,
      String contentType,
      String body,
      int status,
      String field) {
    @Override
    public String toString() {
      return what;
    }
  }

  static final String IVY = "ivy.patel@initech.example";
  static final String KEI = "kei.tanaka@umbrella.example";
  static final String ANSWERS =
      "{\"productionAffected\": true, \"productUsable\": true, \"workaroundAvailable\": false, "
          + "\"usersAffected\": \"several\", \"businessImpact\": \"critical\", \"requestType\": \"incident\"}";
  static final String LONG_201 = "x".repeat(201);
  static final String LONG_20001 = "x".repeat(20_001);
  static final String JSON = "application/json";

  static String caseBody(String replace, String with) {
    String body =
        "{\"product\": \"automation-360\", \"subject\": \"Runner offline\", \"description\": \"Since noon.\", "
            + "\"region\": \"EMEA\", \"answers\": "
            + ANSWERS
            + "}";
    return replace == null ? body : body.replace(replace, with);
  }

  static Bad submit(String what, String body, int status, String field) {
    return new Bad(what, IVY, "POST", "/api/cases", JSON, body, status, field);
  }

  static Stream<Bad> requests() {
    return Stream.of(
        submit("malformed JSON", "{\"product\": ", 400, "body"),
        new Bad("no body", IVY, "POST", "/api/cases", JSON, null, 400, "body"),
        new Bad(
            "wrong content type",
            IVY,
            "POST",
            "/api/cases",
            "text/plain",
            "product=automation-360",
            415,
            "Content-Type"),
        submit(
            "missing product", caseBody("\"product\": \"automation-360\", ", ""), 400, "product"),
        submit("unknown product", caseBody("automation-360", "nope"), 400, "product"),
        submit(
            "product of the other catalogue",
            caseBody("automation-360", "adobe-target"),
            400,
            "product"),
        submit(
            "missing subject", caseBody("\"subject\": \"Runner offline\", ", ""), 400, "subject"),
        submit("subject too long", caseBody("Runner offline", LONG_201), 400, "subject"),
        submit("blank description", caseBody("Since noon.", "  "), 400, "description"),
        submit("description too long", caseBody("Since noon.", LONG_20001), 400, "description"),
        submit(
            "no answers and no proposal",
            caseBody(", \"answers\": " + ANSWERS, ""),
            400,
            "answers"),
        submit(
            "proposed severity 5",
            caseBody("\"answers\": " + ANSWERS, "\"proposedSeverity\": 5"),
            400,
            "proposedSeverity"),
        submit(
            "proposed severity not a number",
            caseBody("\"answers\": " + ANSWERS, "\"proposedSeverity\": \"high\""),
            400,
            "proposedSeverity"),
        submit(
            "unknown usersAffected",
            caseBody("\"several\"", "\"many\""),
            400,
            "answers.usersAffected"),
        submit(
            "unknown businessImpact",
            caseBody("\"critical\"", "\"huge\""),
            400,
            "answers.businessImpact"),
        submit(
            "unknown requestType",
            caseBody("\"incident\"", "\"rant\""),
            400,
            "answers.requestType"),
        submit(
            "productionAffected not a boolean",
            caseBody("\"productionAffected\": true", "\"productionAffected\": \"yes\""),
            400,
            "answers.productionAffected"),
        submit(
            "productionAffected missing",
            caseBody("\"productionAffected\": true, ", ""),
            400,
            "answers.productionAffected"),
        submit("answers not an object", caseBody(ANSWERS, "[true]"), 400, "answers"),
        submit(
            "unknown field",
            caseBody("\"subject\"", "\"priority\": \"P1\", \"subject\""),
            400,
            "priority"),
        submit("no time slot on Silver", caseBody("\"region\": \"EMEA\", ", ""), 400, "region"),
        submit("unknown time slot", caseBody("EMEA", "MARS"), 400, "region"),
        submit(
            "language the slot does not offer",
            caseBody("\"region\"", "\"language\": \"ja\", \"region\""),
            400,
            "language"),
        submit(
            "CC from another account",
            caseBody("\"region\"", "\"cc\": [\"ana.lima@northwind.example\"], \"region\""),
            400,
            "cc"),
        submit(
            "CC not a list",
            caseBody("\"region\"", "\"cc\": \"jon.berg@initech.example\", \"region\""),
            400,
            "cc"),
        submit(
            "unknown related case",
            caseBody("\"region\"", "\"relatedCase\": \"CASE-1999-000001\", \"region\""),
            400,
            "relatedCase"),
        new Bad(
            "idempotency key too long",
            IVY,
            "POST",
            "/api/cases",
            JSON,
            caseBody(null, null),
            400,
            "Idempotency-Key"),
        new Bad(
            "unknown status filter",
            IVY,
            "GET",
            "/api/cases?status=Open",
            null,
            null,
            400,
            "status"),
        new Bad(
            "severity filter 9", IVY, "GET", "/api/cases?severity=9", null, null, 400, "severity"),
        new Bad("page size 0", IVY, "GET", "/api/cases?size=0", null, null, 400, "size"),
        new Bad("page size 1000", IVY, "GET", "/api/cases?size=1000", null, null, 400, "size"),
        new Bad("negative page", IVY, "GET", "/api/cases?page=-1", null, null, 400, "page"),
        new Bad("page not a number", IVY, "GET", "/api/cases?page=abc", null, null, 400, "page"),
        new Bad(
            "case that does not exist",
            IVY,
            "GET",
            "/api/cases/CASE-2026-999999",
            null,
            null,
            404,
            null),
        new Bad(
            "reply without text",
            IVY,
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{}",
            400,
            "text"),
        new Bad(
            "blank reply",
            IVY,
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{\"text\": \"   \"}",
            400,
            "text"),
        new Bad(
            "reply too long",
            IVY,
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{\"text\": \"" + LONG_20001 + "\"}",
            400,
            "text"),
        new Bad(
            "reply text not a string",
            IVY,
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{\"text\": [\"a\"]}",
            400,
            "text"),
        new Bad(
            "reply with a misspelt field",
            IVY,
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{\"txt\": \"hi\"}",
            400,
            "txt"),
        new Bad(
            "reply to another account's case",
            "ana.lima@northwind.example",
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{\"text\": \"hi\"}",
            404,
            null),
        new Bad(
            "CC as a string",
            IVY,
            "PUT",
            "/api/cases/{case}/cc",
            JSON,
            "{\"cc\": \"jon\"}",
            400,
            "cc"),
        new Bad("CC missing", IVY, "PUT", "/api/cases/{case}/cc", JSON, "{}", 400, "cc"),
        new Bad(
            "CC not an e-mail",
            IVY,
            "PUT",
            "/api/cases/{case}/cc",
            JSON,
            "{\"cc\": [\"not-an-email\"]}",
            400,
            "cc"),
        new Bad(
            "confirm without a proposed resolution",
            IVY,
            "POST",
            "/api/cases/{case}/confirm-resolution",
            JSON,
            null,
            422,
            "caseNumber"),
        new Bad(
            "reopen an open case",
            IVY,
            "POST",
            "/api/cases/{case}/reopen",
            JSON,
            null,
            422,
            "caseNumber"),
        new Bad(
            "RCA on Sev 2",
            IVY,
            "POST",
            "/api/cases/{case}/root-cause-analysis",
            JSON,
            null,
            422,
            "caseNumber"),
        new Bad(
            "new contact without e-mail",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"displayName\": \"X\"}",
            400,
            "email"),
        new Bad(
            "new contact with a bad e-mail",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"nope\", \"displayName\": \"X\"}",
            400,
            "email"),
        new Bad(
            "new contact without name",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"x@initech.example\"}",
            400,
            "displayName"),
        new Bad(
            "new contact name too long",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"x@initech.example\", \"displayName\": \"" + LONG_201 + "\"}",
            400,
            "displayName"),
        new Bad(
            "new contact in an unknown time zone",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"x@initech.example\", \"displayName\": \"X\", \"timeZone\": \"Mars/Base\"}",
            400,
            "timeZone"),
        new Bad(
            "products on a plan that names contacts for all",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"x@initech.example\", \"displayName\": \"X\", \"products\": [\"automation-360\"]}",
            400,
            "products"),
        new Bad(
            "delegatedAdmin not a boolean",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"x@initech.example\", \"displayName\": \"X\", \"delegatedAdmin\": \"yes\"}",
            400,
            "delegatedAdmin"),
        new Bad(
            "contact that exists",
            IVY,
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"jon.berg@initech.example\", \"displayName\": \"Jon\"}",
            422,
            "email"),
        new Bad(
            "contacts as a non-admin",
            "jon.berg@initech.example",
            "GET",
            "/api/account/contacts",
            null,
            null,
            403,
            null),
        new Bad(
            "remove yourself",
            IVY,
            "DELETE",
            "/api/account/contacts/" + IVY,
            null,
            null,
            422,
            "email"),
        new Bad(
            "visibility with nothing to set",
            IVY,
            "PUT",
            "/api/account/visibility",
            JSON,
            "{}",
            400,
            "accountWide"),
        new Bad(
            "accountWide not a boolean",
            IVY,
            "PUT",
            "/api/account/visibility",
            JSON,
            "{\"accountWide\": \"maybe\"}",
            400,
            "accountWide"),
        new Bad(
            "scope for a non-admin",
            KEI,
            "PUT",
            "/api/account/visibility",
            JSON,
            "{\"adminScopes\": {\"lena.kraus@umbrella.example\": \"all\"}}",
            400,
            "adminScopes.lena.kraus@umbrella.example"),
        new Bad(
            "unknown scope",
            KEI,
            "PUT",
            "/api/account/visibility",
            JSON,
            "{\"adminScopes\": {\"kei.tanaka@umbrella.example\": \"some\"}}",
            400,
            "adminScopes.kei.tanaka@umbrella.example"),
        new Bad(
            "method the path does not take", IVY, "DELETE", "/api/cases", null, null, 405, null),
        // Found in issue 9: each answered 500, some after writing.
        new Bad(
            "new contact naming a product twice",
            "chloe.martin@contoso.example",
            "POST",
            "/api/account/contacts",
            JSON,
            "{\"email\": \"x@contoso.example\", \"displayName\": \"X\", \"products\": "
                + "[\"adobe-experience-manager\", \"adobe-experience-manager\"]}",
            400,
            "products"),
        newContact("new contact with | in the e-mail", "a|b@initech.example"),
        newContact("new contact with braces in the e-mail", "{a}@initech.example"),
        newContact("new contact with a quoted e-mail", "\\\"a\\\"@initech.example"),
        newContact("new contact with % in the e-mail", "a%b@initech.example"),
        newContact("new contact with a NUL in the e-mail", "a\\u0000b@initech.example"),
        new Bad(
            "reopen reason too long",
            IVY,
            "POST",
            "/api/cases/{case}/reopen",
            JSON,
            "{\"reason\": \"" + LONG_20001 + "\"}",
            400,
            "reason"),
        submit(
            "NUL in the description",
            caseBody("Since noon.", "Since\\u0000noon."),
            400,
            "description"),
        submit(
            "NUL in the subject",
            caseBody("Runner offline", "Runner\\u0000offline"),
            400,
            "subject"),
        submit(
            "line break in the subject",
            caseBody("Runner offline", "Runner offline\\r\\nBcc: x@evil.example"),
            400,
            "subject"),
        submit(
            "unpaired surrogate in the description",
            caseBody("Since noon.", "Since \\ud800noon."),
            400,
            "description"),
        submit(
            "unpaired low surrogate in the subject",
            caseBody("Runner offline", "Runner \\udc00offline"),
            400,
            "subject"),
        new Bad(
            "NUL in a reply",
            IVY,
            "POST",
            "/api/cases/{case}/messages",
            JSON,
            "{\"text\": \"a\\u0000b\"}",
            400,
            "text"),
        new Bad(
            "NUL in an admin scope's e-mail",
            KEI,
            "PUT",
            "/api/account/visibility",
            JSON,
            "{\"adminScopes\": {\"kei\\u0000@umbrella.example\": \"all\"}}",
            400,
            "adminScopes"),
        new Bad(
            "NUL in a query parameter",
            IVY,
            "GET",
            "/api/cases?product=a%00b",
            null,
            null,
            400,
            "product"),
        new Bad(
            "NUL in a policy parameter",
            null,
            "GET",
            "/api/policy/response-due?catalogue=automation-anywhere"
                + "&plan=sil%00ver&severity=2&product=automation-360&region=EMEA",
            null,
            null,
            400,
            "plan"),
        new Bad(
            "4,000-character plan on the quote",
            null,
            "GET",
            "/api/policy/response-due?catalogue="
                + "automation-anywhere&plan="
                + "p".repeat(4_000)
                + "&severity=2&product=automation-360&region=EMEA",
            null,
            null,
            400,
            "plan"),
        new Bad(
            "new password of 73 bytes",
            "jon.berg@initech.example",
            "PUT",
            "/api/me/password",
            JSON,
            "{\"currentPassword\": \"jon.berg\", \"newPassword\": \"" + "p".repeat(73) + "\"}",
            400,
            "newPassword"),
        new Bad(
            "new password of 200 characters",
            "jon.berg@initech.example",
            "PUT",
            "/api/me/password",
            JSON,
            "{\"currentPassword\": \"jon.berg\", \"newPassword\": \"" + "p".repeat(200) + "\"}",
            400,
            "newPassword"),
        submit(
            "a bare proposed severity, without the answers",
            caseBody("\"answers\": " + ANSWERS, "\"proposedSeverity\": 1"),
            400,
            "answers"),
        submit(
            "an incident without its answers",
            caseBody(ANSWERS, "{\"requestType\": \"incident\"}"),
            400,
            "answers.productionAffected"),
        new Bad(
            "NUL in the Basic user name",
            "ivy\u0000@initech.example",
            "GET",
            "/api/cases",
            null,
            null,
            401,
            null));
  }

  static Bad newContact(String what, String email) {
    return new Bad(
        what,
        IVY,
        "POST",
        "/api/account/contacts",
        JSON,
        "{\"email\": \"" + email + "\", \"displayName\": \"X\"}",
        400,
        "email");
  }

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @Autowired HistoryService history;

  String ivysCase;
  int casesBefore;
  int contactsBefore;
  int submissionsBefore;

  @BeforeAll
  void aCaseOfIvys() {
    ContactClient.Response created =
        ContactClient.demo(port, IVY).post("/api/cases", caseBody(null, null));
    assertThat(created.status()).isEqualTo(201);
    ivysCase = created.json().get("caseNumber").asText();
    casesBefore = jdbc.queryForObject("select count(*) from support_case", Integer.class);
    contactsBefore = jdbc.queryForObject("select count(*) from named_contact", Integer.class);
    submissionsBefore = jdbc.queryForObject("select count(*) from case_submission", Integer.class);
  }

  @Test
  @Order(0)
  void theTableIsLongEnough() {
    assertThat(requests().count()).isGreaterThanOrEqualTo(80);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  @Order(1)
  void isRefusedNamingTheField(Bad bad) {
    ContactClient client =
        bad.contact() == null
            ? new ContactClient(port, null, null)
            : ContactClient.demo(port, bad.contact());
    String key = bad.what().equals("idempotency key too long") ? "k".repeat(101) : null;
    ContactClient.Response response =
        client.send(
            bad.method(),
            bad.path().replace("{case}", ivysCase),
            bad.body(),
            bad.contentType(),
            key);

    assertThat(response.status()).as(response.body()).isEqualTo(bad.status());
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("at io.");
    if (bad.field() != null) {
      assertThat(response.problemField()).isEqualTo(bad.field());
    }
  }

  @AfterAll
  void nothingHalfWritten() {
    assertThat(jdbc.queryForObject("select count(*) from support_case", Integer.class))
        .isEqualTo(casesBefore);
    Set<String> caseNumbers =
        new HashSet<>(jdbc.queryForList("select case_number from support_case", String.class));
    Set<String> processes = new HashSet<>();
    for (HistoricProcessInstance instance :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(CaseEngine.PROCESS)
            .list()) {
      processes.add(instance.getBusinessKey());
    }
    assertThat(caseNumbers).as("a case for every process").containsAll(processes);
    // A case without its process is half-written, unless it ended and the history cleanup removed
    // its process's history after the time to live (CaseLifecycleScenarios moves the clock so far).
    Set<String> withoutProcess = new HashSet<>(caseNumbers);
    withoutProcess.removeAll(processes);
    for (String number : withoutProcess) {
      assertThat(
              jdbc.queryForObject(
                  "select status from support_case where case_number = ?", String.class, number))
          .as("%s has no process: it must have ended long ago", number)
          .isIn(CaseStatus.CLOSED.label(), CaseStatus.REJECTED.label());
    }
    assertThat(jdbc.queryForObject("select count(*) from named_contact", Integer.class))
        .isEqualTo(contactsBefore);
    assertThat(jdbc.queryForObject("select count(*) from case_submission", Integer.class))
        .isEqualTo(submissionsBefore);
    List<String> orphanMessages =
        jdbc.queryForList(
            "select m.case_number from case_message m "
                + "left join support_case c on c.case_number = m.case_number where c.case_number is null",
            String.class);
    assertThat(orphanMessages).isEmpty();
  }
}
