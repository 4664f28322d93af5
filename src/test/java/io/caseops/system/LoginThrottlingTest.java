package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.system.LoginThrottle.Surface;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.ContactClient;
import io.caseops.testsupport.StaffClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed logins over real HTTP: the contact API and the staff surfaces slow down and then lock for
 * a while (429 with Retry-After) before any password is checked, and nobody can lock a staff
 * account for good. Each test uses accounts of its own: the throttle lives in the shared service.
 */
@CaseOpsTest
class LoginThrottlingTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identity;

  @BeforeEach
  void clock() {
    at(Duration.ZERO);
    // The engine's own lock counts failed attempts in its user table, which the shared service
    // keeps from other classes' tests.
    for (String user : new String[] {"kenji", "arjun", "lucas"}) {
      identity.unlockUser(user);
    }
  }

  @AfterEach
  void reset() {
    for (String contact :
        new String[] {
          "jon.berg@initech.example", "nobody@initech.example", "lena.kraus@umbrella.example"
        }) {
      throttle.unlock(Surface.CONTACT, contact);
    }
    throttle.unlock(Surface.STAFF, "kenji");
    throttle.unlock(Surface.STAFF, "arjun");
    throttle.unlock(Surface.STAFF, "lucas");
    ClockUtil.reset();
  }

  void at(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(sinceStart)));
  }

  ContactClient.Response me(String email, String password) {
    return new ContactClient(port, email, password).get("/api/me");
  }

  @Test
  void aContactsWrongPasswordsSlowDownThenLockAndTheRightOneWaitsToo() {
    for (int i = 0; i < 4; i++) {
      assertThat(me("jon.berg@initech.example", "wrong-" + i).status()).isEqualTo(401);
    }
    ContactClient.Response refused = me("jon.berg@initech.example", "jon.berg");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("2");
    assertThat(refused.json().get("title").asText()).isEqualTo("Too many failed logins");
    assertThat(refused.json().get("retryAt").asText()).isEqualTo("2026-11-23T10:00:01Z");
    assertThat(refused.body()).doesNotContain("jon.berg@").doesNotContain("Exception");

    at(Duration.ofSeconds(1));
    assertThat(me("jon.berg@initech.example", "jon.berg").status()).isEqualTo(200);
    assertThat(me("jon.berg@initech.example", "wrong-again").status())
        .as("the success cleared the count")
        .isEqualTo(401);
  }

  @Test
  void anUnknownEmailIsAnsweredAsAWrongPassword() {
    for (int i = 0; i < 4; i++) {
      assertThat(me("nobody@initech.example", "whatever-" + i).status()).isEqualTo(401);
      assertThat(me("lena.kraus@umbrella.example", "whatever-" + i).status()).isEqualTo(401);
    }
    ContactClient.Response unknown = me("nobody@initech.example", "x");
    ContactClient.Response known = me("lena.kraus@umbrella.example", "x");
    assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(429);
    assertThat(unknown.body()).isEqualTo(known.body());
  }

  @Test
  void nobodyLocksAStaffAccountForGood() {
    StaffClient staff = new StaffClient(port);
    // Twelve wrong passwords through the engine REST API, each allowed by the throttle (the clock
    // moves past each wait): the engine's own lock would have locked kenji after ten.
    Duration clock = Duration.ZERO;
    for (int i = 0; i < 12; i++) {
      HttpResponse<String> wrong = staff.get("/engine-rest/task", "kenji", "wrong-" + i);
      assertThat(wrong.statusCode()).as(i + ": " + wrong.body()).isEqualTo(401);
      clock = clock.plusMinutes(16);
      at(clock);
    }
    assertThat(staff.get("/engine-rest/task", "kenji", "kenji").statusCode()).isEqualTo(200);
    assertThat(identity.createUserQuery().userId("kenji").singleResult()).isNotNull();

    for (int i = 0; i < 4; i++) {
      staff.get("/staff/api/cases/CASE-1999-000001", "arjun", "wrong-" + i);
    }
    HttpResponse<String> locked = staff.get("/staff/api/cases/CASE-1999-000001", "arjun", "arjun");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(staff.delete("/staff/api/login-locks/staff/arjun", "emma", "emma").statusCode())
        .as("an engineer may not unlock staff")
        .isEqualTo(403);
    assertThat(staff.delete("/staff/api/login-locks/staff/arjun", "demo", "demo").statusCode())
        .isEqualTo(204);
    assertThat(staff.get("/staff/api/cases/CASE-1999-000001", "arjun", "arjun").statusCode())
        .isEqualTo(404);
  }

  @Test
  void onlyAVerifiedPasswordClearsACountNeverAnotherAnswerCarryingTheName() {
    StaffClient staff = new StaffClient(port);
    for (int i = 0; i < 4; i++) {
      // Answers other than 401 that carry lucas's name prove no password: they clear nothing.
      assertThat(staff.get("/actuator/health", "lucas", "x").statusCode()).isEqualTo(200);
      assertThat(staff.get("/engine-rest/engine", "lucas", "x").statusCode()).isEqualTo(200);
      assertThat(staff.get("/engine-rest/engine/nope/task", "lucas", "x").statusCode())
          .isIn(401, 404);
      assertThat(
              staff
                  .send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(
                                  "http://localhost:"
                                      + port
                                      + "/camunda/api/admin/auth/user/default/login/tasklist"))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(
                              java.net.http.HttpRequest.BodyPublishers.ofString(
                                  "username=lucas&password=x")))
                  .statusCode())
          .as("a webapp login without its CSRF token")
          .isEqualTo(403);
      assertThat(staff.get("/engine-rest/task", "lucas", "guess-" + i).statusCode())
          .as("guess " + i)
          .isEqualTo(401);
    }
    assertThat(staff.get("/engine-rest/task", "lucas", "lucas").statusCode())
        .as("the fourth failure in a row made the next attempt wait")
        .isEqualTo(429);

    at(Duration.ofMinutes(1));
    assertThat(staff.get("/engine-rest/task", "lucas", "lucas").statusCode()).isEqualTo(200);
    assertThat(staff.get("/engine-rest/task", "lucas", "wrong").statusCode())
        .as("the verified password cleared the count: a free failure again")
        .isEqualTo(401);
    assertThat(staff.get("/engine-rest/task", "lucas", "lucas").statusCode()).isEqualTo(200);
  }

  @Test
  void aManagerUnlocksAContact() {
    for (int i = 0; i < 4; i++) {
      me("jon.berg@initech.example", "wrong-" + i);
    }
    assertThat(me("jon.berg@initech.example", "jon.berg").status()).isEqualTo(429);
    StaffClient staff = new StaffClient(port);
    assertThat(
            staff
                .delete(
                    "/staff/api/login-locks/contacts/jon.berg@initech.example", "amelia", "amelia")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            staff
                .delete("/staff/api/login-locks/contacts/jon.berg@initech.example", "mia", "mia")
                .statusCode())
        .isEqualTo(204);
    assertThat(me("jon.berg@initech.example", "jon.berg").status()).isEqualTo(200);
    assertThat(
            staff
                .delete("/staff/api/login-locks/contacts/jon.berg@initech.example", "mia", "mia")
                .statusCode())
        .as("nothing counted any more")
        .isEqualTo(404);
  }

  @Test
  void thePublicPolicyIsNotAWayAroundTheLogin() {
    ContactClient anonymous = new ContactClient(port, null, null);
    assertThat(
            anonymous
                .get("/api/policy/calendars/EMEA?catalogue=automation-anywhere&year=2026")
                .status())
        .isEqualTo(200);
    assertThat(anonymous.get("/api/policy/../me").status()).isIn(400, 401);
    assertThat(anonymous.get("/api/policy/%2e%2e/me").status()).isIn(400, 401);
  }
}
