package io.caseops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal over plain HTTP, as one browser sends it: its own cookies (the session), and each form
 * posted with the CSRF token of the page it is on. Redirects are not followed, so that a test sees
 * where they go.
 */
public final class PortalForms {

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  public PortalForms(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The form of {@code page} posted to {@code action} with the page's CSRF token. */
  public HttpResponse<String> post(String page, String action, String... fields) throws Exception {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
    assertThat(token.find()).as(page + " carries a CSRF token").isTrue();
    StringBuilder form = new StringBuilder("_csrf=" + token.group(1));
    for (int i = 0; i < fields.length; i += 2) {
      form.append('&')
          .append(fields[i])
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The sign-in form posted, as the browser would. */
  public HttpResponse<String> signIn(String email, String password) throws Exception {
    return post("/portal/sign-in", "/portal/sign-in", "email", email, "password", password);
  }
}
