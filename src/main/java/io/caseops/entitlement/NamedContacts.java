package io.caseops.entitlement;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** The entitlement feature's public view of named contacts: who they are, which account, how they log in. */
@Component
public class NamedContacts {

  /** A named contact. */
  public record Contact(String email, String accountId, String displayName, ZoneId zone, boolean delegatedAdmin,
                        String visibilityScope, List<String> products) {
  }

  /** What a contact's account and plan allow them to see (SUPPORT-PLANS.md section 5). */
  public record Visibility(boolean allCasesOfAccount, boolean ccContacts) {
  }

  static final BCryptPasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
  /** BCrypt reads at most 72 bytes of a password. */
  static final int MAX_PASSWORD_BYTES = 72;
  /** Compared against when the e-mail is unknown, so that a wrong e-mail costs as much time as a wrong password. */
  private static final String NO_SUCH_CONTACT = PASSWORDS.encode("no such contact");

  private final Accounts accounts;
  private final PlanEntitlements plans;

  NamedContacts(Accounts accounts, PlanEntitlements plans) {
    this.accounts = accounts;
    this.plans = plans;
  }

  public Optional<Contact> find(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return accounts.contact(email).map(NamedContacts::contact);
  }

  /** The contact whose e-mail and password these are; empty for anything else, including a removed contact. */
  public Optional<Contact> authenticate(String email, String password) {
    String hash = email == null || email.isBlank() ? null : accounts.passwordHash(email);
    // No password of a contact is longer (see tooLong); one that is fails like a wrong one, at the same cost.
    String given = password == null || tooLong(password) ? "" : password;
    boolean matches = PASSWORDS.matches(given, hash == null ? NO_SUCH_CONTACT : hash);
    return matches && hash != null && given.equals(password) ? find(email) : Optional.empty();
  }

  /** Longer than BCrypt reads: such a password is refused when set, and never matches. */
  static boolean tooLong(String password) {
    return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
  }

  /**
   * Whether the contact sees every case of the account: never on Orange (contacts do not see each other's cases);
   * on Silver and above when account-wide visibility is on; on Gold and above also as a delegated administrator
   * with scope "all". CC'd cases are visible anyway.
   */
  public Visibility visibility(Contact contact) {
    Accounts.Account account = accounts.account(contact.accountId()).orElseThrow();
    PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
    boolean accountWide = plan.flag("accountWideVisibility") && account.accountWideVisibility();
    boolean adminAll = plan.flag("adminScopeChoice") && contact.delegatedAdmin()
        && "all".equals(contact.visibilityScope());
    return new Visibility(accountWide || adminAll, plan.flag("ccContacts"));
  }

  static Contact contact(Accounts.NamedContact contact) {
    return new Contact(contact.email(), contact.accountId(), contact.displayName(), zone(contact.timeZone()),
        contact.delegatedAdmin(), contact.visibilityScope(), contact.products());
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException unknown) {
      return ZoneId.of("UTC");
    }
  }
}
