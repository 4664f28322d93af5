package io.caseops.entitlement;

import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.BadRequestException.Problem;
import io.caseops.system.web.ForbiddenException;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.UnprocessableException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A delegated administrator's self-service (docs/support-plans.md section 5): the account's named
 * contacts within the plan's limits, and who sees which cases.
 */
@Api
@Service
public class ContactDirectory {

  /**
   * An address that SMTP takes and that stands in a URI path as it is ({@code DELETE
   * /api/account/contacts/{email}}): dot-separated atoms of letters, digits and {@code ! $ & ' * +
   * = _ ~ -}, then a domain of letter-digit-hyphen labels. Quoted local parts and {@code # % / ? ^
   * ` { | } "} are refused.
   */
  static final Pattern EMAIL =
      Pattern.compile(
          "(?=.{1,64}@)[a-z0-9!$&'*+=_~-]+(\\.[a-z0-9!$&'*+=_~-]+)*"
              + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

  static final int MAX_NAME = 200;

  /** The languages of the portal's pages a contact may choose. */
  public static final List<String> LANGUAGES = List.of("en", "fr");

  /**
   * A contact to add. {@code products}: where the plan names contacts per product (Adobe Ultimate),
   * required.
   */
  @Api
  public record NewContact(
      String email,
      String displayName,
      String timeZone,
      Boolean delegatedAdmin,
      List<String> products) {}

  /**
   * The added contact, and the invitation mailed to them: they set their password through its link
   * (no one else ever knows it).
   */
  @Api
  public record Added(NamedContacts.Contact contact, ContactInvitations.Invitation invitation) {}

  private final AccountRepository accounts;
  private final ContactRepository contactRows;
  private final Products products;
  private final PlanEntitlements plans;
  private final NamedContacts contacts;
  private final ContactPasswords passwords;
  private final ApplicationEventPublisher events;
  private final ServiceAllowanceLedger ledger;
  private final EngineClock clock;
  private final ContactInvitations invitations;

  ContactDirectory(
      AccountRepository accounts,
      ContactRepository contactRows,
      Products products,
      PlanEntitlements plans,
      NamedContacts contacts,
      ContactPasswords passwords,
      ApplicationEventPublisher events,
      ServiceAllowanceLedger ledger,
      EngineClock clock,
      ContactInvitations invitations) {
    this.invitations = invitations;
    this.ledger = ledger;
    this.accounts = accounts;
    this.contactRows = contactRows;
    this.products = products;
    this.plans = plans;
    this.contacts = contacts;
    this.passwords = passwords;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<NamedContacts.Contact> contactsOf(NamedContacts.Contact admin) {
    requireAdmin(admin);
    return contactRows.ofAccount(admin.accountId()).stream().map(NamedContacts::contact).toList();
  }

  @Transactional
  public Added add(NamedContacts.Contact admin, NewContact request) {
    requireAdmin(admin);
    AccountRepository.Account account = accounts.find(admin.accountId()).orElseThrow();
    accounts.lock(account.id());
    PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
    String email = check(request, account, plan);
    boolean asAdmin = Boolean.TRUE.equals(request.delegatedAdmin());
    List<String> named =
        "product".equals(plan.namedContactScope()) ? request.products() : List.of();
    ContactLimits.refusal(
            plan, limited(account), contactRows.ofAccount(account.id()), named, asAdmin)
        .ifPresent(
            refusal -> {
              throw new UnprocessableException(refusal.field(), refusal.message());
            });
    // No password until the contact sets one through the invitation: no one can sign in as them.
    contactRows.insert(
        new ContactRepository.NamedContact(
            email,
            account.id(),
            request.displayName().strip(),
            request.timeZone() == null ? "UTC" : request.timeZone(),
            asAdmin,
            "own",
            named,
            null,
            false),
        null,
        clock.instant());
    NamedContacts.Contact added = contacts.find(email).orElseThrow();
    return new Added(added, invitations.invite(added, admin));
  }

  /**
   * Mails a contact of the admin's account a new invitation link (the earlier one stops working),
   * while they have not set a password: a lost or expired mail.
   */
  @Transactional
  public ContactInvitations.Invitation reinvite(NamedContacts.Contact admin, String email) {
    requireAdmin(admin);
    NamedContacts.Contact contact = inAccount(admin, email);
    if (contacts.passwordStamp(contact.email()).isPresent()) {
      throw new UnprocessableException(
          "email", contact.email() + " has set a password already: there is no invitation to send");
    }
    return invitations.invite(contact, admin);
  }

  /**
   * Makes a contact of the admin's account a delegated administrator, within the plan's limit, or a
   * contact again (scope back to "own"). An administrator cannot revoke themselves, so that an
   * account always keeps one.
   */
  @Transactional
  public NamedContacts.Contact setAdmin(
      NamedContacts.Contact admin, String email, Boolean delegatedAdmin) {
    requireAdmin(admin);
    if (delegatedAdmin == null) {
      throw BadRequestException.of("delegatedAdmin", "is required (true or false)");
    }
    AccountRepository.Account account = accounts.find(admin.accountId()).orElseThrow();
    accounts.lock(account.id());
    NamedContacts.Contact contact = inAccount(admin, email);
    if (contact.delegatedAdmin() == delegatedAdmin) {
      return contact;
    }
    if (delegatedAdmin) {
      PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
      ContactLimits.adminRefusal(plan, limited(account), contactRows.ofAccount(account.id()))
          .ifPresent(
              refusal -> {
                throw new UnprocessableException(refusal.field(), refusal.message());
              });
    } else if (contact.email().equals(admin.email())) {
      throw new UnprocessableException(
          "delegatedAdmin",
          "you cannot revoke your own administration; ask another delegated administrator");
    }
    contactRows.setDelegatedAdmin(contact.email(), delegatedAdmin);
    return contacts.find(contact.email()).orElseThrow();
  }

  /**
   * The account as its administrator manages it: the plan's limits and what is used of them, the
   * visibility settings the plan allows, the products a contact is named for where the plan counts
   * per product ({@code productsToName}, else empty), its contacts, the invitations not yet
   * accepted (with when each expires), and its service hours used and left.
   */
  @Api
  public record AccountOverview(
      String accountId,
      String name,
      String catalogue,
      String plan,
      int namedContactLimit,
      String namedContactScope,
      int delegatedAdminLimit,
      long delegatedAdmins,
      boolean accountWideVisibilityOffered,
      boolean accountWideVisibility,
      boolean adminScopesOffered,
      List<String> productsToName,
      List<NamedContacts.Contact> contacts,
      List<ContactInvitations.Invitation> invitations,
      List<ServiceAllowanceLedger.Balance> serviceHours) {}

  @Transactional(readOnly = true)
  public AccountOverview overview(NamedContacts.Contact admin) {
    requireAdmin(admin);
    AccountRepository.Account account = accounts.find(admin.accountId()).orElseThrow();
    PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
    List<NamedContacts.Contact> all =
        contactRows.ofAccount(account.id()).stream().map(NamedContacts::contact).toList();
    return new AccountOverview(
        account.id(),
        account.name(),
        account.catalogue(),
        account.plan(),
        plan.namedContactLimit(),
        plan.namedContactScope(),
        plan.delegatedAdminLimit(),
        all.stream().filter(NamedContacts.Contact::delegatedAdmin).count(),
        plan.accountWideVisibility(),
        plan.accountWideVisibility() && account.accountWideVisibility(),
        plan.adminScopeChoice(),
        "product".equals(plan.namedContactScope())
            ? products.idsOf(account.catalogue())
            : List.of(),
        all,
        invitations.pendingIn(account.id()),
        ledger.balances(account.id(), LocalDate.now(clock)));
  }

  private NamedContacts.Contact inAccount(NamedContacts.Contact admin, String email) {
    return contacts
        .find(email)
        .filter(found -> found.accountId().equals(admin.accountId()))
        .orElseThrow(() -> new NotFoundException("no named contact " + email + " in your account"));
  }

  private static ContactLimits.Account limited(AccountRepository.Account account) {
    return new ContactLimits.Account(
        account.name(), account.plan(), "adobe-experience-cloud".equals(account.catalogue()));
  }

  /**
   * Removes a contact of the admin's account: they lose access at once (the next request is
   * refused).
   */
  @Transactional
  public void remove(NamedContacts.Contact admin, String email) {
    requireAdmin(admin);
    NamedContacts.Contact contact = inAccount(admin, email);
    if (contact.email().equals(admin.email())) {
      throw new UnprocessableException(
          "email", "you cannot remove yourself; ask another delegated administrator");
    }
    contactRows.delete(contact.email());
    // Out of every case's CC list too (the cases feature listens): a removed contact gets no more
    // mail.
    events.publishEvent(new NamedContacts.ContactRemoved(contact.email(), contact.accountId()));
  }

  /**
   * Account-wide visibility (Silver and above), and per delegated administrator "own" or "all"
   * (Gold and above). {@code adminScopes} maps an administrator's e-mail to its scope.
   */
  @Transactional
  public void setVisibility(
      NamedContacts.Contact admin, Boolean accountWide, Map<String, String> adminScopes) {
    requireAdmin(admin);
    AccountRepository.Account account = accounts.find(admin.accountId()).orElseThrow();
    PlanEntitlements.Plan plan = plans.of(account.catalogue(), account.plan()).orElseThrow();
    if (accountWide == null && (adminScopes == null || adminScopes.isEmpty())) {
      throw BadRequestException.of(
          "accountWide", "give accountWide (true or false), adminScopes, or both");
    }
    if (accountWide != null && !plan.accountWideVisibility()) {
      throw new UnprocessableException(
          "accountWide",
          "The "
              + account.plan()
              + " plan has no account-wide "
              + "visibility: each contact sees their own cases (and the ones they are in CC of)");
    }
    List<Problem> problems = new ArrayList<>();
    if (adminScopes != null && !adminScopes.isEmpty()) {
      if (!plan.adminScopeChoice()) {
        throw new UnprocessableException(
            "adminScopes",
            "The "
                + account.plan()
                + " plan has no per-administrator "
                + "visibility (Gold and above)");
      }
      adminScopes.forEach(
          (email, scope) -> {
            boolean isAdmin =
                contacts
                    .find(email)
                    .filter(found -> found.accountId().equals(account.id()))
                    .map(NamedContacts.Contact::delegatedAdmin)
                    .orElse(false);
            if (!isAdmin) {
              problems.add(
                  new Problem(
                      "adminScopes." + email, "is not a delegated administrator of your account"));
            }
            if (!"own".equals(scope) && !"all".equals(scope)) {
              problems.add(
                  new Problem(
                      "adminScopes." + email, "must be \"own\" or \"all\", got '" + scope + "'"));
            }
          });
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    if (accountWide != null) {
      accounts.setAccountWideVisibility(account.id(), accountWide);
    }
    if (adminScopes != null) {
      adminScopes.forEach(contactRows::setVisibilityScope);
    }
  }

  /**
   * A contact changes their own password: the current one is required; the new one must have at
   * least 12 characters and at most {@link ContactPasswords#MAX_BYTES} bytes in UTF-8, all that
   * BCrypt reads.
   */
  @Transactional
  public void changePassword(
      NamedContacts.Contact contact, String currentPassword, String newPassword) {
    List<Problem> problems = new ArrayList<>();
    if (currentPassword == null
        || contacts.authenticate(contact.email(), currentPassword).isEmpty()) {
      problems.add(new Problem("currentPassword", "is not your current password"));
    }
    Optional<Problem> weak = ContactPasswords.problem("newPassword", newPassword);
    if (weak.isPresent()) {
      problems.add(weak.get());
    } else if (newPassword.equals(currentPassword)) {
      problems.add(new Problem("newPassword", "must differ from the current password"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    contactRows.setPasswordHash(contact.email(), passwords.hash(newPassword));
  }

  /**
   * A contact's own settings: the name others see, the time zone of every instant the portal and
   * mails show them, the portal's language ({@link #LANGUAGES}, or null: the browser's).
   */
  @Transactional
  public NamedContacts.Contact updateProfile(
      NamedContacts.Contact contact, String displayName, String timeZone, String language) {
    List<Problem> problems = new ArrayList<>();
    checkName(displayName, problems);
    if (timeZone == null || timeZone.isBlank()) {
      problems.add(new Problem("timeZone", "is required"));
    } else {
      checkZone(timeZone, problems);
    }
    if (language != null && !LANGUAGES.contains(language)) {
      problems.add(
          new Problem("language", "must be one of " + LANGUAGES + ", got '" + language + "'"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    contactRows.setProfile(contact.email(), displayName.strip(), timeZone, language);
    return contacts.find(contact.email()).orElseThrow();
  }

  private static void checkName(String displayName, List<Problem> problems) {
    if (displayName == null || displayName.isBlank()) {
      problems.add(new Problem("displayName", "is required"));
    } else if (displayName.length() > MAX_NAME) {
      problems.add(new Problem("displayName", "must be at most " + MAX_NAME + " characters"));
    }
  }

  private static void checkZone(String timeZone, List<Problem> problems) {
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      problems.add(
          new Problem(
              "timeZone",
              "must be an IANA time zone such as Europe/Paris, got '" + timeZone + "'"));
    }
  }

  private String check(
      NewContact request, AccountRepository.Account account, PlanEntitlements.Plan plan) {
    List<Problem> problems = new ArrayList<>();
    String email =
        request.email() == null ? null : request.email().strip().toLowerCase(Locale.ROOT);
    if (email == null || email.isEmpty()) {
      problems.add(new Problem("email", "is required"));
    } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      problems.add(
          new Problem("email", "must be an e-mail address, got '" + request.email() + "'"));
    }
    checkName(request.displayName(), problems);
    if (request.timeZone() != null) {
      checkZone(request.timeZone(), problems);
    }
    List<String> products = this.products.idsOf(account.catalogue());
    if ("product".equals(plan.namedContactScope())) {
      if (request.products() == null || request.products().isEmpty()) {
        problems.add(
            new Problem(
                "products",
                "is required: the "
                    + account.plan()
                    + " plan names contacts per "
                    + "product; choose from "
                    + products));
      }
    } else if (request.products() != null && !request.products().isEmpty()) {
      problems.add(
          new Problem(
              "products",
              "must be empty: the "
                  + account.plan()
                  + " plan names contacts for all "
                  + "products"));
    }
    if (request.products() != null
        && request.products().size() != new java.util.HashSet<>(request.products()).size()) {
      problems.add(
          new Problem("products", "must name each product once, got " + request.products()));
    }
    if (request.products() != null) {
      request.products().stream()
          .filter(product -> !products.contains(product))
          .forEach(
              product ->
                  problems.add(
                      new Problem(
                          "products",
                          "'"
                              + product
                              + "' is not a product of "
                              + account.catalogue()
                              + " "
                              + products)));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    if (contactRows.find(email).isPresent()) {
      throw new UnprocessableException("email", email + " is a named contact already");
    }
    return email;
  }

  private static void requireAdmin(NamedContacts.Contact contact) {
    if (!contact.delegatedAdmin()) {
      throw new ForbiddenException(
          "Only your account's delegated administrators manage contacts and visibility");
    }
  }
}
