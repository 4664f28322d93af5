package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.system.LoginThrottle.Surface;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login throttle's arithmetic, on the engine clock. */
class LoginThrottleTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Policy(3, 20, Duration.ofMinutes(15), Duration.ofHours(1), null),
          meters);

  @BeforeEach
  void clock() {
    at(Duration.ZERO);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  void at(Duration sinceStart) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(sinceStart)));
  }

  void fail(String account, String address) {
    throttle.failed(Surface.CONTACT, account, address);
  }

  @Test
  void threeFailuresAreFreeThenEachDoublesTheWait() {
    for (int i = 0; i < 3; i++) {
      fail("ivy@x.example", "10.0.0.1");
      assertThat(throttle.refusedUntil(Surface.CONTACT, "ivy@x.example", "10.0.0.1")).isEmpty();
    }
    fail("ivy@x.example", "10.0.0.1");
    assertThat(throttle.refusedUntil(Surface.CONTACT, "IVY@x.example", "10.0.0.9"))
        .as("per account, whatever the case of the e-mail and the address")
        .contains(T0.plusSeconds(1));
    at(Duration.ofSeconds(1));
    assertThat(throttle.refusedUntil(Surface.CONTACT, "ivy@x.example", "10.0.0.1")).isEmpty();
    fail("ivy@x.example", "10.0.0.1");
    assertThat(throttle.refusedUntil(Surface.CONTACT, "ivy@x.example", "10.0.0.1"))
        .contains(T0.plusSeconds(1 + 2));
    assertThat(meters.counter("caseops.login.failures", "surface", "contact").count()).isEqualTo(5);
  }

  @Test
  void theWaitStopsAtTheLockAndAQuietHourForgetsIt() {
    for (int i = 0; i < 30; i++) {
      fail("noah@x.example", "10.0.0.2");
    }
    assertThat(throttle.refusedUntil(Surface.CONTACT, "noah@x.example", "10.0.0.3"))
        .contains(T0.plus(Duration.ofMinutes(15)));
    at(Duration.ofMinutes(15));
    assertThat(throttle.refusedUntil(Surface.CONTACT, "noah@x.example", "10.0.0.3")).isEmpty();
    fail("noah@x.example", "10.0.0.3");
    assertThat(throttle.refusedUntil(Surface.CONTACT, "noah@x.example", "10.0.0.3"))
        .as("still counting: the lock again")
        .contains(T0.plus(Duration.ofMinutes(30)));
    at(Duration.ofMinutes(15).plus(Duration.ofHours(1)));
    fail("noah@x.example", "10.0.0.3");
    assertThat(throttle.refusedUntil(Surface.CONTACT, "noah@x.example", "10.0.0.3"))
        .as("an hour of quiet: a fresh count")
        .isEmpty();
  }

  @Test
  void aSuccessOrAnUnlockClearsTheAccountNotTheOtherSurface() {
    for (int i = 0; i < 5; i++) {
      throttle.failed(Surface.STAFF, "lucas", "10.0.0.4");
      throttle.failed(Surface.CONTACT, "lucas", "10.0.0.4");
    }
    throttle.succeeded(Surface.STAFF, "lucas");
    assertThat(throttle.refusedUntil(Surface.STAFF, "lucas", "10.0.0.5")).isEmpty();
    assertThat(throttle.refusedUntil(Surface.CONTACT, "lucas", "10.0.0.5")).isPresent();
    assertThat(throttle.unlock(Surface.CONTACT, "lucas")).isTrue();
    assertThat(throttle.refusedUntil(Surface.CONTACT, "lucas", "10.0.0.5")).isEmpty();
    assertThat(throttle.unlock(Surface.CONTACT, "lucas")).isFalse();
  }

  @Test
  void oneAddressTryingManyAccountsIsSlowedDownToo() {
    for (int i = 0; i < 21; i++) {
      fail("guess" + i + "@x.example", "203.0.113.7");
    }
    assertThat(throttle.refusedUntil(Surface.CONTACT, "someone-new@x.example", "203.0.113.7"))
        .contains(T0.plusSeconds(1));
    assertThat(throttle.refusedUntil(Surface.CONTACT, "someone-new@x.example", "203.0.113.8"))
        .isEmpty();
  }
}
