package io.caseops.entitlement;

import io.caseops.system.EngineInternals;
import io.caseops.system.LoginThrottle;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Contact logins verified lately, so that a program calling the API does not pay a BCrypt check
 * (tens of milliseconds of CPU) on every request. Each entry is an HMAC-SHA256, under a key drawn
 * at start and never stored, of the e-mail, the password and the stored hash it matched: the
 * password is not kept, a memory dump yields nothing to log in with, and a changed password (a new
 * hash) or a removed contact (no hash) misses at once, on every node, since the stored hash is read
 * on each request.
 */
@Component
class VerifiedLogins {

  /** Beyond this many entries the expired ones go, and if that is not enough, all. */
  static final int MAX_ENTRIES = 50_000;

  private final SecretKeySpec key;
  private final Duration remembered;
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  VerifiedLogins(LoginThrottle.Policy policy) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.remembered = policy.verifiedFor();
  }

  boolean known(String email, String password, String hash) {
    Instant until = verified.get(digest(email, password, hash));
    return until != null && EngineInternals.now().isBefore(until);
  }

  void remember(String email, String password, String hash) {
    Instant now = EngineInternals.now();
    if (verified.size() >= MAX_ENTRIES) {
      verified.values().removeIf(until -> !now.isBefore(until));
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
    }
    verified.put(digest(email, password, hash), now.plus(remembered));
  }

  private String digest(String email, String password, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      // NUL never occurs in an e-mail, a password (BasicCredentials refuses it) or a BCrypt hash.
      byte[] digest =
          mac.doFinal((email + '\0' + password + '\0' + hash).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
