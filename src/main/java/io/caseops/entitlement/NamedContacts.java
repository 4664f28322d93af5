package io.caseops.entitlement;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The entitlement feature's public view of named contacts: who they are, which account, which time zone. */
@Component
public class NamedContacts {

  /** A named contact. */
  public record Contact(String email, String accountId, String displayName, ZoneId zone, boolean delegatedAdmin,
                        String visibilityScope, List<String> products) {
  }

  private final Accounts accounts;

  NamedContacts(Accounts accounts) {
    this.accounts = accounts;
  }

  public Optional<Contact> find(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return accounts.contact(email).map(contact -> new Contact(contact.email(), contact.accountId(),
        contact.displayName(), zone(contact.timeZone()), contact.delegatedAdmin(), contact.visibilityScope(),
        contact.products()));
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException unknown) {
      return ZoneId.of("UTC");
    }
  }
}
