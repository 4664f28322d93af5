package io.caseops.system;

import io.caseops.system.web.RequestFilters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public policy API ({@code /api/policy}) answers anyone, so each client address gets a bucket
 * of {@code burst} calls that refills at {@code per-second}; past it, 429 with {@code Retry-After}.
 * Quotes write nothing (system.PureDecisions), so this bounds CPU, not the database. The buckets
 * live in this node's memory, like the login throttle's counts.
 */
@Configuration(proxyBeanMethods = false)
public class AnonymousRateLimit {

  static final String PATH = "/api/policy/";

  /**
   * @param burst calls an address may make at once
   * @param perSecond calls per second an address gets back, up to {@code burst}
   */
  @ConfigurationProperties("caseops.security.anonymous")
  public record Limit(@DefaultValue("60") int burst, @DefaultValue("10") double perSecond) {}

  /** One address's calls left as of {@code at}, and whether its latest call was let through. */
  private record Bucket(double left, Instant at, boolean taken) {}

  private final Limit limit;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  AnonymousRateLimit(Limit limit) {
    this.limit = limit;
  }

  /** Takes one call from the address's bucket: 0 if it may go on, else the seconds to wait. */
  long take(String address, Instant now) {
    Bucket after =
        buckets.compute(
            address,
            (key, before) -> {
              double left = before == null ? limit.burst() : refilled(before, now);
              return left >= 1 ? new Bucket(left - 1, now, true) : new Bucket(left, now, false);
            });
    if (buckets.size() > 100_000) {
      buckets.values().removeIf(bucket -> refilled(bucket, now) >= limit.burst());
    }
    return after.taken()
        ? 0
        : Math.max(1, (long) Math.ceil((1 - after.left()) / limit.perSecond()));
  }

  private double refilled(Bucket bucket, Instant now) {
    // The engine clock may move back in tests: no refill then.
    double seconds = Math.max(0, (now.toEpochMilli() - bucket.at().toEpochMilli()) / 1000.0);
    return Math.min(limit.burst(), bucket.left() + seconds * limit.perSecond());
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> anonymousRateLimitFilter(MeterRegistry meters) {
    return RequestFilters.register(
        "caseops-anonymous-rate-limit",
        Ordered.HIGHEST_PRECEDENCE + 90,
        (request, response, chain) -> {
          long wait = take(request.getRemoteAddr(), EngineInternals.now());
          if (wait > 0) {
            meters.counter("caseops.anonymous.refused").increment();
            response.setHeader("Retry-After", Long.toString(wait));
            RequestFilters.refuse(
                response,
                429,
                "Too many requests",
                "This address called the public policy API more than "
                    + limit.burst()
                    + " times at once or "
                    + limit.perSecond()
                    + " times a second: try again in "
                    + wait
                    + " s.",
                null,
                null,
                Map.of());
            return;
          }
          chain.doFilter(request, response);
        },
        PATH + "*");
  }
}
