package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.ContactClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated malformed requests against every operation of the OpenAPI description (contact API,
 * staff API, policy API), from a fixed seed so that a failure can be replayed: wrong types, missing
 * and unknown fields, nulls, huge and hostile strings, broken and deeply nested JSON, bytes that
 * are not UTF-8, hostile path and query values. Every answer must be below 500 and free of stack
 * traces, every refusal a problem body; afterwards every case has its process and the reverse, and
 * only accepted submissions made cases. In the shared service: the one setting the fuzzing can
 * change with a valid body (Initech's case visibility, through its administrator Ivy) is put back
 * afterwards.
 */
@CaseOpsTest
class ApiFuzzTest {

  static final long SEED = Long.getLong("caseops.fuzz.seed", 20261201L);
  static final int PER_OPERATION = Integer.getInteger("caseops.fuzz.per-operation", 45);
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final String CASES_WITHOUT_PROCESS =
      "select count(*) from support_case c where not exists (select 1 from act_hi_procinst p"
          + " where p.business_key_ = c.case_number and p.proc_def_key_ = 'SupportCase')";
  static final String PROCESSES_WITHOUT_CASE =
      "select count(*) from act_hi_procinst p where p.proc_def_key_ = 'SupportCase' and not"
          + " exists (select 1 from support_case c where c.case_number = p.business_key_)";

  /** Strings that have broken services before. */
  static final List<String> HOSTILE =
      List.of(
          "",
          " ",
          "<script>alert(1)</script>",
          "' or 1=1 --",
          "\"; drop table support_case; --",
          "../../etc/passwd",
          "%00",
          "\u0000",
          "\uFEFF\u202Eevil",
          "😀🚀",
          "${jndi:ldap://x/a}",
          "#{7*7}",
          "-1",
          "0",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "true",
          "null",
          "CASE-2026-000001",
          "CASE-9999-999999",
          "a@b",
          "x".repeat(300),
          "y".repeat(25_000));

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  final Random random = new Random(SEED);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, Integer> statuses = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  JsonNode schemas;
  String knownCase;
  int sent;
  int submissionsAccepted;

  Boolean initechAccountWide;
  List<Map<String, Object>> initechScopes;

  @BeforeEach
  void rememberInitechsVisibility() {
    initechAccountWide =
        jdbc.queryForObject(
            "select account_wide_visibility from account where id = 'initech'", Boolean.class);
    initechScopes =
        jdbc.queryForList(
            "select email, visibility_scope from named_contact where account_id = 'initech'");
  }

  @AfterEach
  void restoreInitechsVisibility() {
    jdbc.update(
        "update account set account_wide_visibility = ? where id = 'initech'", initechAccountWide);
    initechScopes.forEach(
        contact ->
            jdbc.update(
                "update named_contact set visibility_scope = ? where email = ?",
                contact.get("visibility_scope"),
                contact.get("email")));
  }

  @Test
  void malformedRequestsGetClearRefusalsAndLeaveNothingHalfWritten() throws Exception {
    knownCase = openACase();
    int casesBefore = count("select count(*) from support_case");
    // Other classes of the shared service leave incidents, and report fixtures cases without a
    // process, on purpose: the fuzzing may add none.
    int incidentsBefore = count("select count(*) from act_ru_incident");
    int casesWithoutProcessBefore = count(CASES_WITHOUT_PROCESS);
    int processesWithoutCaseBefore = count(PROCESSES_WITHOUT_CASE);
    JsonNode api = JSON.readTree(send("GET", "/v3/api-docs", null, null, null).body());
    schemas = api.path("components").path("schemas");
    List<String> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        operations.add(method.getKey().toUpperCase() + " " + path.getKey());
        for (int i = 0; i < PER_OPERATION; i++) {
          fuzz(method.getKey().toUpperCase(), path.getKey(), method.getValue());
        }
      }
    }

    System.out.printf(
        "Fuzzing (seed %d): %d requests over %d operations, statuses %s%n",
        SEED, sent, operations.size(), statuses);
    assertThat(operations)
        .as("the OpenAPI description covers the contact, staff and policy APIs")
        .contains(
            "POST /api/cases",
            "PUT /api/me/password",
            "POST /api/account/contacts",
            "POST /staff/api/outages",
            "POST /staff/api/accounts/{accountId}/service-usage",
            "GET /api/policy/response-due");
    assertThat(sent).isGreaterThanOrEqualTo(1000);
    assertThat(failures).as("answers that broke the rules").isEmpty();
    assertThat(statuses.keySet()).as("refusals of several kinds").contains("400", "404");

    // Nothing half-written: no new case row without its SupportCase process or the reverse, and a
    // new case for each accepted submission only.
    assertThat(count(CASES_WITHOUT_PROCESS)).isEqualTo(casesWithoutProcessBefore);
    assertThat(count(PROCESSES_WITHOUT_CASE)).isEqualTo(processesWithoutCaseBefore);
    assertThat(count("select count(*) from support_case"))
        .isEqualTo(casesBefore + submissionsAccepted);
    assertThat(count("select count(*) from act_ru_incident")).isEqualTo(incidentsBefore);
  }

  private void fuzz(String method, String template, JsonNode operation) {
    String path = template;
    StringBuilder query = new StringBuilder();
    for (JsonNode parameter : operation.path("parameters")) {
      String name = parameter.get("name").asText();
      String in = parameter.get("in").asText();
      if (in.equals("path")) {
        String value = random.nextInt(3) == 0 && name.equals("caseNumber") ? knownCase : hostile();
        path = path.replace("{" + name + "}", encode(value));
      } else if (in.equals("query") && random.nextBoolean()) {
        query.append(query.isEmpty() ? "?" : "&").append(name).append('=');
        query.append(
            encode(
                random.nextBoolean() ? hostile() : sample(parameter.path("schema"), 0).asText()));
      }
    }
    if (random.nextInt(8) == 0) {
      query.append(query.isEmpty() ? "?" : "&").append("unknown=").append(encode(hostile()));
    }
    byte[] body = null;
    String contentType = null;
    JsonNode bodySchema =
        operation.path("requestBody").path("content").path("application/json").path("schema");
    if (!bodySchema.isMissingNode() || !method.equals("GET")) {
      contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
      body = body(bodySchema);
    }
    HttpResponse<String> response = send(method, path + query, body, contentType, caller(template));
    check(method + " " + path + query, body, response);
    if (method.equals("POST") && template.equals("/api/cases") && response.statusCode() == 201) {
      submissionsAccepted++;
    }
  }

  /** A body made from the schema and then broken, or broken from the start. */
  private byte[] body(JsonNode schema) {
    switch (random.nextInt(9)) {
      case 0:
        return new byte[0];
      case 1:
        return "{\"subject\": \"unterminated".getBytes(StandardCharsets.UTF_8);
      case 2:
        return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
      case 3:
        return new byte[] {
          '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        };
      case 4:
        return hostile().getBytes(StandardCharsets.UTF_8);
      default:
        JsonNode sample = sample(schema, 0);
        if (sample instanceof ObjectNode object && object.size() > 0) {
          List<String> names = new ArrayList<>();
          object.fieldNames().forEachRemaining(names::add);
          String name = names.get(random.nextInt(names.size()));
          switch (random.nextInt(4)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, wrongType(object.get(name)));
            case 2 -> object.put("unknown" + random.nextInt(9), hostile());
            default -> object.putNull(name);
          }
        }
        return sample.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** A value of the schema, its strings and numbers drawn from ordinary and hostile ones. */
  private JsonNode sample(JsonNode schema, int depth) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return depth > 4 ? NODES.nullNode() : sample(schemas.path(name), depth + 1);
    }
    if (schema.has("enum") && random.nextInt(4) > 0) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size()));
    }
    switch (schema.path("type").asText(schema.has("properties") ? "object" : "string")) {
      case "object":
        ObjectNode object = NODES.objectNode();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                property -> object.set(property.getKey(), sample(property.getValue(), depth + 1)));
        if (schema.path("additionalProperties").isObject()) {
          object.set(hostile(), sample(schema.get("additionalProperties"), depth + 1));
        }
        return object;
      case "array":
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(sample(schema.path("items"), depth + 1));
        }
        return array;
      case "integer":
        long[] integers = {0, 1, 2, 3, 4, 5, -1, Integer.MAX_VALUE, Long.MIN_VALUE};
        return NODES.numberNode(integers[random.nextInt(integers.length)]);
      case "number":
        return NODES.numberNode(random.nextBoolean() ? 1.5 : -1e300);
      case "boolean":
        return NODES.booleanNode(random.nextBoolean());
      default:
        String[] ordinary = {
          "Runner offline",
          "ivy.patel@initech.example",
          "automation-360",
          "EMEA",
          "PT1H",
          "2026-11-27T18:00:00Z",
          "silver",
          "automation-anywhere",
          "2026-11"
        };
        return NODES.textNode(
            random.nextBoolean() ? ordinary[random.nextInt(ordinary.length)] : hostile());
    }
  }

  private JsonNode wrongType(JsonNode value) {
    if (value == null || value.isTextual()) {
      return random.nextBoolean() ? NODES.numberNode(42) : NODES.arrayNode().add("a");
    }
    return random.nextBoolean() ? NODES.textNode(hostile()) : NODES.objectNode().put("a", 1);
  }

  /** Who calls: anonymous for the policy, a contact (admin or not) or a member of staff. */
  private String caller(String template) {
    if (template.startsWith("/api/policy")) {
      return null;
    }
    if (template.startsWith("/staff/api")) {
      String[] staff = {"demo", "mia", "emma", "tom"};
      String user = staff[random.nextInt(staff.length)];
      return basic(user, user);
    }
    String contact = random.nextInt(4) == 0 ? "jon.berg" : "ivy.patel";
    return basic(contact + "@initech.example", contact);
  }

  private void check(String request, byte[] body, HttpResponse<String> response) {
    sent++;
    statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
    String answer = response.body();
    String shown =
        request.substring(0, Math.min(200, request.length()))
            + (body == null
                ? ""
                : " body "
                    + new String(body, 0, Math.min(200, body.length), StandardCharsets.UTF_8))
            + " -> "
            + response.statusCode()
            + " "
            + answer.substring(0, Math.min(300, answer.length()));
    if (response.statusCode() >= 500) {
      failures.add("5xx: " + shown);
    }
    for (String trace :
        List.of("Exception", "\tat ", ".java:", "org.springframework", "jakarta.")) {
      if (answer.contains(trace)) {
        failures.add("internals (" + trace.strip() + "): " + shown);
      }
    }
    if (response.statusCode() >= 400
        && !response.headers().firstValue("Content-Type").orElse("").contains("json")) {
      failures.add("refusal without a problem body: " + shown);
    }
  }

  private String openACase() {
    ContactClient.Response created =
        ContactClient.demo(port, "ivy.patel@initech.example")
            .post(
                "/api/cases",
                """
                {"product": "automation-360", "region": "EMEA", "subject": "Runner offline",
                 "description": "Runner 7 is offline.", "answers": {"productionAffected": true,
                 "productUsable": true, "workaroundAvailable": false, "usersAffected": "several",
                 "businessImpact": "critical", "requestType": "incident"}}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("caseNumber").asText();
  }

  private HttpResponse<String> send(
      String method, String path, byte[] body, String contentType, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " was not answered", e);
    }
  }

  private String hostile() {
    return HOSTILE.get(random.nextInt(HOSTILE.size()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }
}
