package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.ContactClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP: oversized bodies get 413 naming the limit, whether announced or streamed; a
 * bodiless mutation without a JSON content type (what a cross-site form sends) gets 415; the
 * answers carry the security headers.
 */
@CaseOpsTest
class RequestGuardsTest {

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            "ivy.patel@initech.example:ivy.patel".getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  void anAnnouncedOversizedBodyIs413() throws Exception {
    String body = "{\"description\": \"" + "x".repeat(2_000_000) + "\"}";
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/api/cases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(ContactClient.JSON.readTree(answer.body()).get("errors").get(0).get("rule").asText())
        .contains("1048576 bytes");
  }

  @Test
  void aStreamedOversizedBodyIs413Too() throws Exception {
    byte[] chunk = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    Stream<byte[]> parts =
        Stream.concat(
            Stream.of("{\"description\": \"".getBytes(StandardCharsets.UTF_8)),
            Stream.generate(() -> chunk).limit(20));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/api/cases"))
                .header("Content-Type", "application/json")
                // No length: sent chunked.
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.SequenceInputStream(
                                java.util.Collections.enumeration(
                                    parts.map(java.io.ByteArrayInputStream::new).toList())))));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(answer.body()).contains("larger than 1048576 bytes").doesNotContain("Exception");
  }

  @Test
  void aMutationNeedsAJsonContentTypeOrACustomHeader() throws Exception {
    for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded")) {
      HttpResponse<String> crossSite =
          send(
              HttpRequest.newBuilder(uri("/api/cases/CASE-2026-000001/confirm-resolution"))
                  .header("Content-Type", contentType)
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(crossSite.statusCode()).isEqualTo(415);
      assertThat(crossSite.body()).contains("\"field\":\"Content-Type\"");
    }
    HttpResponse<String> noType =
        send(
            HttpRequest.newBuilder(uri("/api/cases/CASE-2026-999999/confirm-resolution"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(noType.statusCode()).isEqualTo(415);
    HttpResponse<String> withHeader =
        send(
            HttpRequest.newBuilder(uri("/api/cases/CASE-2026-999999/confirm-resolution"))
                .header("X-Requested-With", "curl")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(withHeader.statusCode()).as("past the guard: no such case").isEqualTo(404);
  }

  @Test
  void answersCarryTheSecurityHeaders() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/me")).GET());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(answer.headers().firstValue("Strict-Transport-Security"))
        .as("not over plain HTTP")
        .isEmpty();
  }

  @Test
  void theWebappsCarryTheSecurityHeadersToo() throws Exception {
    HttpResponse<String> tasklist =
        http.send(
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    assertThat(tasklist.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(tasklist.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(tasklist.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'");
  }

  @Test
  void whatTomcatRefusesItselfIsAProblemBodyToo() throws Exception {
    for (String path :
        List.of("/api/cases/..%2F..%2Fetc%2Fpasswd", "/api/cases/" + "y".repeat(20_000))) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).GET());
      assertThat(answer.statusCode()).as(path.substring(0, 30)).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(ContactClient.JSON.readTree(answer.body()).get("detail").asText())
          .isEqualTo(
              "The request could not be read: its line, path or headers are malformed or too"
                  + " long.");
    }
  }

  @Test
  void aFormBodyWithABadEscapeIsNeverA500() throws Exception {
    int checked = 0;
    for (String path :
        List.of(
            "/actuator/health",
            "/api/cases/CASE-2026-000001",
            "/api/me",
            "/staff/api/cases/CASE-2026-000001",
            "/portal/sign-in",
            "/engine-rest/engine",
            "/camunda/app/tasklist/default/",
            "/no-such-path")) {
      for (String method : List.of("DELETE", "PUT", "PATCH", "POST")) {
        for (String body : List.of("a=%zz", "%", "a=%e2%82")) {
          HttpResponse<String> answer =
              send(
                  HttpRequest.newBuilder(uri(path))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .method(method, HttpRequest.BodyPublishers.ofString(body)));
          assertThat(answer.statusCode()).as(method + " " + path + " " + body).isLessThan(500);
          assertThat(answer.body())
              .as("no stack trace: " + method + " " + path)
              .doesNotContain("at org.")
              .doesNotContain("at java.")
              .doesNotContain("Caused by");
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(96);
  }

  /** A multipart deployment, as another site's auto-submitted form or Camunda Modeler sends it. */
  HttpResponse<String> deploy(String name, String... browserHeaders) throws Exception {
    String boundary = "cross-site-boundary";
    String xml =
        "<?xml version=\"1.0\"?><definitions"
            + " xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " targetNamespace=\"x\"><process id=\"Forged_"
            + name
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"Start\"/></process></definitions>";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + name
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"forged.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + xml
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < browserHeaders.length; i += 2) {
      request.header(browserHeaders[i], browserHeaders[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  int deployments(String name) throws Exception {
    HttpResponse<String> list =
        http.send(
            HttpRequest.newBuilder(uri("/engine-rest/deployment/count?name=" + name))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return ContactClient.JSON.readTree(list.body()).get("count").asInt();
  }

  @Test
  void anotherSitesPageCannotDeployWithTheAdministratorsCachedCredentials() throws Exception {
    String[][] browsers = {
      {"Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"},
      {"Sec-Fetch-Site", "same-site"},
      {"Origin", "http://evil.example"},
      {"Origin", "null"},
    };
    for (String[] headers : browsers) {
      String name = "forged-" + Math.abs(java.util.Arrays.hashCode(headers));
      HttpResponse<String> forged = deploy(name, headers);
      assertThat(forged.statusCode()).as(String.join(" ", headers)).isEqualTo(403);
      assertThat(forged.body()).contains("another site").doesNotContain("Exception");
      assertThat(deployments(name)).as("nothing deployed").isZero();
    }
    // Camunda Modeler (no browser headers), and a page of CaseOps' own origin, deploy as before.
    String own = "http://localhost:" + port;
    for (HttpResponse<String> deployed :
        List.of(
            deploy("modeler-shape"),
            deploy("same-origin", "Origin", own, "Sec-Fetch-Site", "same-origin"),
            deploy("origin-only", "Origin", own))) {
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
      String id = ContactClient.JSON.readTree(deployed.body()).get("id").asText();
      HttpResponse<String> removed =
          http.send(
              HttpRequest.newBuilder(uri("/engine-rest/deployment/" + id + "?cascade=true"))
                  .header(
                      "Authorization",
                      "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(removed.statusCode()).as("a delete without a browser's headers").isEqualTo(204);
    }
  }

  @Test
  void negativePagingOfTheEngineRestApiIsA400NotA500() throws Exception {
    for (String path :
        List.of(
            "/engine-rest/task?firstResult=-5",
            "/engine-rest/history/process-instance?maxResults=-2",
            "/engine-rest/history/variable-instance?firstResult=-3",
            "/engine-rest/deployment?firstResult=x")) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(uri(path))
                  .header(
                      "Authorization",
                      "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(path).isEqualTo(400);
      assertThat(answer.body()).as(path).contains("must be a whole number from 0");
    }
    HttpResponse<String> paged =
        http.send(
            HttpRequest.newBuilder(
                    uri("/engine-rest/history/process-instance?firstResult=0&maxResults=5"))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(paged.statusCode()).isEqualTo(200);
  }
}
