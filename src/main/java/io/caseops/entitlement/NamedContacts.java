package io.caseops.entitlement;

import io.caseops.system.Api;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The entitlement feature's public view of named contacts: who they are, which account, how they
 * log in.
 */
@Api
@Component
public class NamedContacts {

  /**
   * The request attribute that holds the logged-in {@link Contact} on the contact API ({@code
   * /api}).
   */
  public static final String REQUEST_ATTRIBUTE = "io.caseops.contact";

  /**
   * A named contact. {@code language}: of the portal's pages ("en" or "fr"), null for the
   * browser's; {@code passwordChangeRequired}: the password is still the initial one an
   * administrator handed over.
   */
  public record Contact(
      String email,
      String accountId,
      String displayName,
      ZoneId zone,
      boolean delegatedAdmin,
      String visibilityScope,
      List<String> products,
      String language,
      boolean passwordChangeRequired) {}

  /** What a contact's account and plan allow them to see (docs/support-plans.md section 5). */
  public record Visibility(boolean allCasesOfAccount, boolean ccContacts) {}

  /**
   * A named contact left the account: whatever names them (a case's CC list) lets go of them in
   * this transaction.
   */
  public record ContactRemoved(String email, String accountId) {}

  private final ContactRepository contacts;
  private final AccountRepository accounts;
  private final PlanEntitlements plans;
  private final ContactPasswords passwords;
  private final VerifiedLogins verified;

  NamedContacts(
      ContactRepository contacts,
      AccountRepository accounts,
      PlanEntitlements plans,
      ContactPasswords passwords,
      VerifiedLogins verified) {
    this.contacts = contacts;
    this.accounts = accounts;
    this.plans = plans;
    this.passwords = passwords;
    this.verified = verified;
  }

  public Optional<Contact> find(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return contacts.find(email).map(NamedContacts::contact);
  }

  /**
   * A short digest of the contact's stored password hash (never the hash itself): a session keeps
   * the stamp of its sign-in, and one whose stamp no longer matches belongs to a password that was
   * changed since, or to a contact removed (empty).
   */
  public Optional<String> passwordStamp(String email) {
    String hash = email == null || email.isBlank() ? null : contacts.passwordHash(email);
    if (hash == null) {
      return Optional.empty();
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(hash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return Optional.of(java.util.HexFormat.of().formatHex(digest, 0, 12));
    } catch (java.security.NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }

  /**
   * The contact whose e-mail and password these are; empty for anything else, including a removed
   * contact.
   */
  public Optional<Contact> authenticate(String email, String password) {
    String hash = email == null || email.isBlank() ? null : contacts.passwordHash(email);
    if (hash != null && verified.known(email, password, hash)) {
      return find(email);
    }
    if (!passwords.matches(password, hash)) {
      return Optional.empty();
    }
    verified.remember(email, password, hash);
    return find(email);
  }

  /**
   * Whether the contact sees every case of the account: never on Orange (contacts do not see each
   * other's cases); on Silver and above when account-wide visibility is on; on Gold and above also
   * as a delegated administrator with scope "all". CC'd cases are visible anyway.
   */
  public Visibility visibility(Contact contact) {
    AccountRepository.Account account = accounts.find(contact.accountId()).orElseThrow();
    PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
    boolean accountWide = plan.accountWideVisibility() && account.accountWideVisibility();
    boolean adminAll =
        plan.adminScopeChoice()
            && contact.delegatedAdmin()
            && "all".equals(contact.visibilityScope());
    return new Visibility(accountWide || adminAll, plan.ccContacts());
  }

  static Contact contact(ContactRepository.NamedContact contact) {
    return new Contact(
        contact.email(),
        contact.accountId(),
        contact.displayName(),
        zone(contact.timeZone()),
        contact.delegatedAdmin(),
        contact.visibilityScope(),
        contact.products(),
        contact.language(),
        contact.passwordChangeRequired());
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException unknown) {
      return ZoneId.of("UTC");
    }
  }
}
