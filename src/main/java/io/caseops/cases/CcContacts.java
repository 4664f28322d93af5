package io.caseops.cases;

import io.caseops.entitlement.NamedContacts;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.BadRequestException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who may be in CC of a case: at most 50 named contacts of the submitter's account, each once, not
 * the submitter.
 */
@Component
class CcContacts {

  static final int MAX = 50;

  private final NamedContacts contacts;
  private final CaseRecords records;

  CcContacts(NamedContacts contacts, CaseRecords records) {
    this.contacts = contacts;
    this.records = records;
  }

  /** The problems of a CC list for a case of {@code submitter} (none for no list). */
  List<Problem> problems(String submitter, List<String> cc) {
    List<Problem> problems = new ArrayList<>();
    if (cc == null || submitter == null) {
      return problems;
    }
    if (cc.size() > MAX) {
      problems.add(new Problem("cc", "must list at most " + MAX + " contacts"));
      return problems;
    }
    String account = contacts.find(submitter).map(NamedContacts.Contact::accountId).orElse(null);
    for (String email : cc) {
      boolean sameAccount =
          account != null
              && email != null
              && contacts
                  .find(email)
                  .map(contact -> contact.accountId().equals(account))
                  .orElse(false);
      if (!sameAccount) {
        problems.add(
            new Problem("cc", "'" + email + "' is not a named contact of the submitter's account"));
      }
    }
    return problems;
  }

  /**
   * A removed contact leaves every CC list at once, so they get no more mail of the account's
   * cases.
   */
  @EventListener
  void contactRemoved(NamedContacts.ContactRemoved removed) {
    records.removeFromEveryCc(removed.email());
  }

  /** The list checked, then {@link #normalised}; refused with every problem. */
  List<String> checked(String submitter, List<String> cc) {
    List<Problem> problems = problems(submitter, cc);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    return normalised(submitter, cc);
  }

  /** The list lower-case, each address once, without the submitter. */
  static List<String> normalised(String submitter, List<String> cc) {
    if (cc == null) {
      return List.of();
    }
    Set<String> normalised = new LinkedHashSet<>();
    for (String email : cc) {
      if (email != null && !email.isBlank() && !email.strip().equalsIgnoreCase(submitter)) {
        normalised.add(email.strip().toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(normalised);
  }
}
