package io.caseops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A member of staff talking to a running CaseOps over real HTTP: the engine REST API with HTTP
 * Basic, and the Camunda webapps' own login (session cookie plus the webapps' CSRF token), as a
 * browser does it.
 */
public final class StaffClient {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public StaffClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
  }

  public HttpResponse<String> delete(String path, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).DELETE());
  }

  public HttpResponse<String> postJson(String path, String json, String user, String password) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Deploys one model through {@code POST /engine-rest/deployment/create}, as Camunda Modeler does.
   */
  public HttpResponse<String> deploy(
      String deploymentName, String fileName, String xml, String user, String password) {
    String boundary = "caseops-test-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + deploymentName
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/xml\r\n\r\n"
            + xml
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Logs in to one of the webapps ("tasklist", "cockpit", "admin") as a browser would; returns the
   * HTTP status: 200 when the user may use that application, 403 when not, 401 for a wrong
   * password.
   */
  public int webappLogin(String application, String user, String password) {
    get("/camunda/app/" + application + "/default/");
    String csrfToken =
        cookies.getCookieStore().get(uri("/camunda/")).stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the webapp set no XSRF-TOKEN cookie"));
    String form = "username=" + user + "&password=" + password;
    return send(HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/default/login/" + application))
            .header("X-XSRF-TOKEN", csrfToken)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)))
        .statusCode();
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
