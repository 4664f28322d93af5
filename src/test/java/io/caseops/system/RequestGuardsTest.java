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
}
