package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.system.LoginThrottle;
import io.caseops.testsupport.CaseOpsTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's sign-in and session over plain HTTP, as a browser sends them: its own
 * Content-Security-Policy reaches the page, the session cookie is SameSite, a NUL in a field is a
 * 400, and a failed sign-in counts once.
 */
@CaseOpsTest
class PortalSessionTest {

  static final String DAVID = "david.roux@contoso.example";

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;

  final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @AfterEach
  void reset() {
    throttle.unlock(LoginThrottle.Surface.CONTACT, DAVID);
    ClockUtil.reset();
  }

  HttpResponse<String> get(String path) throws Exception {
    return get(http, path);
  }

  HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The sign-in form posted with the page's CSRF token, as the browser would. */
  HttpResponse<String> signIn(String email, String password) throws Exception {
    return post(http, "/portal/sign-in", "/portal/sign-in", "email", email, "password", password);
  }

  /** The form of {@code page} posted to {@code action} with the page's CSRF token. */
  HttpResponse<String> post(HttpClient http, String page, String action, String... fields)
      throws Exception {
    Matcher token =
        Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, page).body());
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

  @Test
  void thePortalsPagesCarryTheirOwnContentSecurityPolicyAndASameSiteSessionCookie()
      throws Exception {
    HttpResponse<String> page = get("/portal/sign-in");
    assertThat(page.headers().allValues("Content-Security-Policy"))
        .containsExactly(PortalSecurity.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().allValues("Set-Cookie"))
        .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .singleElement()
        .satisfies(
            cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
    assertThat(
            get("/api/policy/calendars/EMEA?catalogue=automation-anywhere")
                .headers()
                .firstValue("Content-Security-Policy"))
        .as("elsewhere the general policy")
        .contains("frame-ancestors 'none'");
  }

  @Test
  void aFailedSignInCountsOnceSoTheFreeFailuresAreAllThere() throws Exception {
    // A still clock: no wait of the throttle runs out while the test runs.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T10:00:00Z")));
    for (int attempt = 1; attempt <= 3; attempt++) {
      HttpResponse<String> wrong = signIn(DAVID, "guess-" + attempt);
      assertThat(wrong.body()).as("attempt " + attempt).contains("id=\"sign-in-error\"");
      assertThat(wrong.body()).as("attempt " + attempt).doesNotContain("Too many");
    }
    HttpResponse<String> right = signIn(DAVID, "david.roux");
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(right.headers().firstValue("Location")).get().asString().endsWith("/portal/cases");
  }

  @Autowired io.caseops.entitlement.ContactPasswords passwords;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aPasswordChangedInOneSessionEndsTheContactsOtherSessionsAtOnce() throws Exception {
    HttpClient here = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpClient elsewhere = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    try {
      for (HttpClient browser : List.of(here, elsewhere)) {
        assertThat(
                post(
                        browser,
                        "/portal/sign-in",
                        "/portal/sign-in",
                        "email",
                        DAVID,
                        "password",
                        "david.roux")
                    .statusCode())
            .isEqualTo(302);
        assertThat(get(browser, "/portal/cases").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> changed =
          post(
              here,
              "/portal/me",
              "/portal/me/password",
              "currentPassword",
              "david.roux",
              "newPassword",
              "a-new-password-for-david",
              "newPasswordAgain",
              "a-new-password-for-david");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);

      assertThat(get(here, "/portal/cases").statusCode()).as("this session goes on").isEqualTo(200);
      HttpResponse<String> ended = get(elsewhere, "/portal/cases");
      assertThat(ended.statusCode()).isEqualTo(302);
      assertThat(ended.headers().firstValue("Location"))
          .get()
          .asString()
          .endsWith("/portal/sign-in?out");
      assertThat(get(elsewhere, "/portal/cases").headers().firstValue("Location"))
          .as("and stays ended")
          .get()
          .asString()
          .contains("/portal/sign-in");
      assertThat(
              new io.caseops.testsupport.ContactClient(port, DAVID, "david.roux")
                  .get("/api/me")
                  .status())
          .as("the API takes the old password no more")
          .isEqualTo(401);
    } finally {
      jdbc.update(
          "update named_contact set password_hash = ? where email = ?",
          passwords.hash("david.roux"),
          DAVID);
    }
  }

  @Test
  void aNulInAFieldIsA400NamingItAndSignsNobodyIn() throws Exception {
    HttpResponse<String> answer = signIn("david.roux@contoso.example\u0000", "david.roux");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("email").contains("NUL").doesNotContain("Exception");
  }
}
