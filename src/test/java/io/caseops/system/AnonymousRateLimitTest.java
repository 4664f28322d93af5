package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public policy API's per-address bucket, on the engine clock, and its 429. */
class AnonymousRateLimitTest {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  AnonymousRateLimit limit = new AnonymousRateLimit(new AnonymousRateLimit.Limit(3, 0.5));

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void anAddressGetsItsBurstThenWaitsForTheRefill() {
    assertThat(limit.take("10.0.0.1", T0)).isZero();
    assertThat(limit.take("10.0.0.1", T0)).isZero();
    assertThat(limit.take("10.0.0.1", T0)).isZero();
    // Half a call per second: the next whole one is 2 s away.
    assertThat(limit.take("10.0.0.1", T0)).isEqualTo(2);
    assertThat(limit.take("10.0.0.1", T0.plusSeconds(1))).isEqualTo(1);
    assertThat(limit.take("10.0.0.1", T0.plusSeconds(2))).isZero();
    assertThat(limit.take("10.0.0.1", T0.plusSeconds(2))).isEqualTo(2);
    // Another address has a bucket of its own; a long pause refills up to the burst, no more.
    assertThat(limit.take("10.0.0.2", T0.plusSeconds(2))).isZero();
    for (int i = 0; i < 3; i++) {
      assertThat(limit.take("10.0.0.1", T0.plusSeconds(3600))).isZero();
    }
    assertThat(limit.take("10.0.0.1", T0.plusSeconds(3600))).isPositive();
  }

  @Test
  void theClockMovingBackRefillsNothing() {
    for (int i = 0; i < 3; i++) {
      limit.take("10.0.0.1", T0);
    }
    assertThat(limit.take("10.0.0.1", T0.minusSeconds(60))).isPositive();
  }

  @Test
  void pastTheLimitTheFilterAnswers429WithRetryAfter() throws Exception {
    ClockUtil.setCurrentTime(Date.from(T0));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    var filter = limit.anonymousRateLimitFilter(meters).getFilter();
    for (int i = 0; i < 3; i++) {
      MockHttpServletResponse allowed = new MockHttpServletResponse();
      MockFilterChain chain = new MockFilterChain();
      filter.doFilter(request(), allowed, chain);
      assertThat(chain.getRequest()).as("call %d goes on", i + 1).isNotNull();
    }
    MockHttpServletResponse refused = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request(), refused, chain);
    assertThat(chain.getRequest()).isNull();
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString())
        .contains("\"status\":429")
        .contains("more than 3 times at once")
        .contains("try again in 2 s");
    assertThat(meters.counter("caseops.anonymous.refused").count()).isEqualTo(1);
  }

  private static MockHttpServletRequest request() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/policy/response-due");
    request.setRemoteAddr("192.0.2.7");
    return request;
  }
}
