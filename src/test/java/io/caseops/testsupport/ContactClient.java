package io.caseops.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A named contact calling the contact API over real HTTP, with HTTP Basic. Demo password: the
 * e-mail's local part.
 */
public final class ContactClient {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, headers, body as text and as JSON. */
  public record Response(int status, HttpResponse<String> raw) {
    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + raw.body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    /** The field the first problem names (problem details' errors[0].field). */
    public String problemField() {
      JsonNode errors = json().get("errors");
      return errors == null || errors.isEmpty() ? null : errors.get(0).get("field").asText();
    }
  }

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ContactClient(int port, String user, String password) {
    this.baseUrl = "http://localhost:" + port;
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A demo contact, logged in with the demo password (the e-mail's local part). */
  public static ContactClient demo(int port, String email) {
    return new ContactClient(port, email, email.substring(0, email.indexOf('@')));
  }

  public Response get(String path) {
    return send("GET", path, null, "application/json", null);
  }

  public Response post(String path, String json) {
    return send("POST", path, json, "application/json", null);
  }

  public Response post(String path, String json, String idempotencyKey) {
    return send("POST", path, json, "application/json", idempotencyKey);
  }

  public Response put(String path, String json) {
    return send("PUT", path, json, "application/json", null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null, null);
  }

  public Response send(
      String method, String path, String body, String contentType, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
