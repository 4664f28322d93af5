package io.caseops.entitlement;

import io.caseops.notification.Notifications;
import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import io.caseops.system.EngineInternals;
import io.caseops.system.web.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a named contact gets a password that no one else ever knew: a link mailed to them, with a
 * random token that works once and expires ({@link InvitationProperties}); the database keeps only
 * the token's SHA-256. Adding a contact sends one; an administrator may send another while the
 * contact has not set a password (the new link replaces the old).
 */
@Api
@Service
public class ContactInvitations {

  static final String EVENT = "contact-invitation";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

  /** An invitation that went out: to whom, and until when its link works. */
  @Api
  public record Invitation(String email, Instant expiresAt) {}

  private final JdbcTemplate jdbc;
  private final ContactRepository contacts;
  private final AccountRepository accounts;
  private final ContactPasswords passwords;
  private final Notifications notifications;
  private final ProcessEngine engine;
  private final InvitationProperties properties;
  private final EngineClock clock;

  ContactInvitations(
      JdbcTemplate jdbc,
      ContactRepository contacts,
      AccountRepository accounts,
      ContactPasswords passwords,
      Notifications notifications,
      ProcessEngine engine,
      InvitationProperties properties,
      EngineClock clock) {
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.accounts = accounts;
    this.passwords = passwords;
    this.notifications = notifications;
    this.engine = engine;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Mails the contact a new link, in the caller's transaction (no mail for a contact not saved),
   * and voids any earlier one.
   */
  @Transactional
  Invitation invite(NamedContacts.Contact contact, NamedContacts.Contact by) {
    String token = newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.validFor());
    jdbc.update("delete from contact_invitation where email = ?", contact.email());
    jdbc.update(
        "insert into contact_invitation (token_hash, email, invited_by, created_at, expires_at)"
            + " values (?, ?, ?, ?, ?)",
        digest(token),
        contact.email(),
        by.email(),
        Timestamp.from(now),
        Timestamp.from(expiresAt));
    String accountName = accounts.find(contact.accountId()).orElseThrow().name();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("contactName", contact.displayName());
    model.put("inviterName", by.displayName());
    model.put("accountName", accountName);
    model.put("link", properties.link(token));
    model.put(
        "expiresLocal",
        LOCAL.format(expiresAt.atZone(contact.zone())) + " (" + contact.zone().getId() + ")");
    // The digest's head tells this link's mail from an earlier one's (the outbox dedupes by key).
    EngineInternals.command(
        engine,
        () ->
            notifications.queueAbout(
                "contact/" + contact.email(),
                EVENT,
                digest(token).substring(0, 16),
                List.of(contact.email()),
                model,
                null));
    return new Invitation(contact.email(), expiresAt);
  }

  /** The contact a link is for, while it works: empty once used, replaced or expired. */
  @Transactional(readOnly = true)
  public Optional<NamedContacts.Contact> contactOf(String token) {
    return emailOf(token).flatMap(contacts::find).map(NamedContacts::contact);
  }

  /**
   * Sets the contact's password from their link, and uses the link up. The password follows the
   * rules of {@link ContactPasswords#problem}; a link that no longer works is a {@link
   * NoSuchInvitationException}.
   */
  @Transactional
  public NamedContacts.Contact accept(String token, String password) {
    String email = emailOf(token).orElseThrow(NoSuchInvitationException::new);
    ContactPasswords.problem("password", password)
        .ifPresent(
            problem -> {
              throw new BadRequestException(List.of(problem));
            });
    // Only one of two simultaneous uses of a link deletes its row; the other finds it gone.
    if (jdbc.update("delete from contact_invitation where token_hash = ?", digest(token)) != 1) {
      throw new NoSuchInvitationException();
    }
    contacts.setPasswordHash(email, passwords.hash(password));
    return contacts.find(email).map(NamedContacts::contact).orElseThrow();
  }

  /** The account's invitations not yet accepted, by e-mail, expired ones too. */
  @Transactional(readOnly = true)
  List<Invitation> pendingIn(String accountId) {
    return jdbc.query(
        "select i.email, i.expires_at from contact_invitation i"
            + " join named_contact c on c.email = i.email where c.account_id = ? order by i.email",
        (rs, row) ->
            new Invitation(rs.getString("email"), rs.getTimestamp("expires_at").toInstant()),
        accountId);
  }

  private Optional<String> emailOf(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select email from contact_invitation where token_hash = ? and expires_at > ?",
            (rs, row) -> rs.getString(1),
            digest(token),
            Timestamp.from(clock.instant()))
        .stream()
        .findFirst();
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }

  /** The link was used, replaced by a newer one, or expired (or never existed). */
  @Api
  public static class NoSuchInvitationException extends RuntimeException {
    NoSuchInvitationException() {
      super(
          "This invitation link no longer works: it was used, replaced by a newer one, or it"
              + " expired. Ask your account's delegated administrator to send you another.");
    }
  }
}
