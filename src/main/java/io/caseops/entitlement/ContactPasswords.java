package io.caseops.entitlement;

import io.caseops.system.Api;
import io.caseops.system.web.BadRequestException.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Named contacts' passwords, the one place they are hashed and checked: BCrypt at rest. BCrypt
 * reads at most {@link #MAX_BYTES} bytes, so a longer password is refused when set, and never
 * matches.
 */
@Api
@Component
public class ContactPasswords {

  public static final int MAX_BYTES = 72;
  public static final int MIN_CHARACTERS = 12;

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

  /**
   * Compared against when the e-mail is unknown, so that a wrong e-mail costs as much time as a
   * wrong password.
   */
  private final String noSuchContact = bcrypt.encode("no such contact");

  public String hash(String password) {
    return bcrypt.encode(password);
  }

  /**
   * Whether the password matches the hash; a null hash (no such contact) takes the same time and
   * never matches.
   */
  boolean matches(String password, String hash) {
    String given = password == null || tooLong(password) ? "" : password;
    boolean matches = bcrypt.matches(given, hash == null ? noSuchContact : hash);
    return matches && hash != null && given.equals(password);
  }

  /**
   * What is wrong with a password a contact chooses, if anything: at least {@link #MIN_CHARACTERS}
   * characters and at most {@link #MAX_BYTES} bytes in UTF-8, all that BCrypt reads.
   */
  static Optional<Problem> problem(String field, String password) {
    if (password != null && password.length() >= MIN_CHARACTERS && !tooLong(password)) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            field,
            "must be at least "
                + MIN_CHARACTERS
                + " characters and at most "
                + MAX_BYTES
                + " bytes in UTF-8 (72 plain ASCII characters; BCrypt reads no more)"));
  }

  static boolean tooLong(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }
}
