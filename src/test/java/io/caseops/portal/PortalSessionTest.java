package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.system.LoginThrottle;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.Invitations;
import io.caseops.testsupport.PortalForms;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

  PortalForms browser() {
    return new PortalForms(port);
  }

  HttpResponse<String> get(String path) throws Exception {
    return browser().get(path);
  }

  HttpResponse<String> signIn(String email, String password) throws Exception {
    return browser().signIn(email, password);
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
    PortalForms here = browser();
    PortalForms elsewhere = browser();
    try {
      for (PortalForms browser : List.of(here, elsewhere)) {
        assertThat(browser.signIn(DAVID, "david.roux").statusCode()).isEqualTo(302);
        assertThat(browser.get("/portal/cases").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> changed =
          here.post(
              "/portal/me",
              "/portal/me/password",
              "currentPassword",
              "david.roux",
              "newPassword",
              "a-new-password-for-david",
              "newPasswordAgain",
              "a-new-password-for-david");
      assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);

      assertThat(here.get("/portal/cases").statusCode()).as("this session goes on").isEqualTo(200);
      HttpResponse<String> ended = elsewhere.get("/portal/cases");
      assertThat(ended.statusCode()).isEqualTo(302);
      assertThat(ended.headers().firstValue("Location"))
          .get()
          .asString()
          .endsWith("/portal/sign-in?out");
      assertThat(elsewhere.get("/portal/cases").headers().firstValue("Location"))
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

  @Autowired io.caseops.entitlement.ContactDirectory directory;
  @Autowired io.caseops.entitlement.NamedContacts contacts;

  @Test
  void aRemovedContactsSessionEndsAtOnceAndDoesNotComeBackWithTheSameEmail() throws Exception {
    String hire = "session.hire@initech.example";
    var ivy = contacts.find("ivy.patel@initech.example").orElseThrow();
    var hireContact =
        new io.caseops.entitlement.ContactDirectory.NewContact(
            hire, "Sam Hire", null, false, List.of());
    try {
      directory.add(ivy, hireContact);
      Invitations.acceptLatest(port, jdbc, hire, "sam's first passphrase");
      PortalForms signedIn = browser();
      assertThat(signedIn.signIn(hire, "sam's first passphrase").statusCode()).isEqualTo(302);
      assertThat(signedIn.get("/portal/cases").statusCode()).isEqualTo(200);

      directory.remove(ivy, hire);
      directory.add(ivy, hireContact);
      Invitations.acceptLatest(port, jdbc, hire, "sam's second passphrase");
      HttpResponse<String> ended = signedIn.get("/portal/cases");
      assertThat(ended.statusCode()).isEqualTo(302);
      assertThat(ended.headers().firstValue("Location"))
          .get()
          .asString()
          .endsWith("/portal/sign-in?out");
    } finally {
      contacts.find(hire).ifPresent(gone -> directory.remove(ivy, hire));
    }
  }

  @Test
  void aNulInAFieldIsA400NamingItAndSignsNobodyIn() throws Exception {
    HttpResponse<String> answer = signIn("david.roux@contoso.example\u0000", "david.roux");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("email").contains("NUL").doesNotContain("Exception");
  }
}
