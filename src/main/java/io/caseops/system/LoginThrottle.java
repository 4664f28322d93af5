package io.caseops.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Failed logins, per account and per client address, counted before any password is checked: a few
 * failures are free, then each further one makes the next attempt wait twice as long (1 s, 2 s, 4
 * s, ...), up to {@code lock}; a verified password clears the account's count (never a mere answer
 * other than 401: a health check or a refused form carrying the account's name proves nothing),
 * quiet time of {@code forget} clears both. An unknown account and a wrong password count alike, so
 * the answers do not tell them apart. The counts live in this node's memory: with N nodes an
 * attacker gets N times the attempts, still a handful per lock period (docs/operations.md).
 */
@Api
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /**
   * @param freeFailures failures per account before attempts are delayed
   * @param freeFailuresPerAddress failures per client address before its attempts are delayed (an
   *     office behind one address makes more honest mistakes than one person)
   * @param lock the longest wait, reached after about log2(lock in seconds) delayed failures
   * @param forget quiet time after which an account's or address's failures are forgotten
   * @param verifiedFor how long a contact's verified login is remembered
   *     (entitlement.VerifiedLogins)
   */
  @ConfigurationProperties("caseops.security.login")
  public record Policy(
      @DefaultValue("3") int freeFailures,
      @DefaultValue("20") int freeFailuresPerAddress,
      @DefaultValue("PT15M") Duration lock,
      @DefaultValue("PT1H") Duration forget,
      @DefaultValue("PT10M") Duration verifiedFor) {}

  /** Staff (engine REST, staff API, webapps) and contacts are counted apart. */
  public enum Surface {
    STAFF,
    CONTACT
  }

  /**
   * The request attribute by which the code that checked a password says it was right: only then
   * does {@link LoginThrottling} clear the account's count.
   */
  public static final String VERIFIED = "io.caseops.loginVerified";

  /** Marks {@code request} as carrying a verified password. */
  public static void verified(jakarta.servlet.ServletRequest request) {
    request.setAttribute(VERIFIED, Boolean.TRUE);
  }

  private record Failures(int count, Instant last, Instant retryAt) {}

  private final Policy policy;
  private final MeterRegistry meters;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Policy policy, MeterRegistry meters) {
    this.policy = policy;
    this.meters = meters;
  }

  /** When this login may be tried again, if not now. No password has been looked at yet. */
  public Optional<Instant> refusedUntil(Surface surface, String account, String address) {
    Instant now = EngineInternals.now();
    return latest(retryAt(accountKey(surface, account), now), retryAt(addressKey(address), now))
        .filter(now::isBefore);
  }

  public void failed(Surface surface, String account, String address) {
    Instant now = EngineInternals.now();
    count(accountKey(surface, account), policy.freeFailures(), now);
    count(addressKey(address), policy.freeFailuresPerAddress(), now);
    meters
        .counter("caseops.login.failures", "surface", surface.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  public void succeeded(Surface surface, String account) {
    failures.remove(accountKey(surface, account));
  }

  /** Lets an account try again at once (a member of staff unlocks it); true if it was counted. */
  /** Forgets every count and wait on this node, as its restart would. */
  public void clear() {
    failures.clear();
  }

  public boolean unlock(Surface surface, String account) {
    return failures.remove(accountKey(surface, account)) != null;
  }

  private void count(String key, int free, Instant now) {
    Failures after =
        failures.compute(
            key,
            (k, before) -> {
              int count = before == null || forgotten(before, now) ? 1 : before.count() + 1;
              // Within the free failures nothing waits: no instant to wait for.
              return new Failures(count, now, count > free ? now.plus(delay(count - free)) : null);
            });
    if (after.count() > free) {
      meters.counter("caseops.login.delayed").increment();
      LOG.warn(
          "{} failed logins for {}: next attempt not before {}",
          after.count(),
          key,
          after.retryAt());
    }
    if (failures.size() > 100_000) {
      failures.values().removeIf(entry -> forgotten(entry, now));
    }
  }

  /** 1 s for the first failure beyond the free ones, doubling up to the lock. */
  private Duration delay(int beyondFree) {
    Duration delay = Duration.ofSeconds(1L << Math.min(beyondFree - 1, 30));
    return delay.compareTo(policy.lock()) > 0 ? policy.lock() : delay;
  }

  private Optional<Instant> retryAt(String key, Instant now) {
    Failures entry = failures.get(key);
    return entry == null || forgotten(entry, now)
        ? Optional.empty()
        : Optional.ofNullable(entry.retryAt());
  }

  private boolean forgotten(Failures entry, Instant now) {
    return !now.isBefore(entry.last().plus(policy.forget()));
  }

  private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isAfter(a.get()) ? b : a;
  }

  private static String accountKey(Surface surface, String account) {
    return surface
        + " account "
        + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address " + address;
  }
}
