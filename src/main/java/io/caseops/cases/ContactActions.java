package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.NamedContacts;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.ForbiddenException;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.UnprocessableException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a contact does to an open or closed case: reply, confirm a resolution, reopen, ask for a
 * root-cause analysis, escalate, link to an outage, set who is in CC. Each call writes the read
 * model and moves the process in one transaction, and locks the case's row first ({@link
 * CaseRecords#lock}), so it runs after, never beside, a timer or a second click on the same case.
 * Whoever sees a case may reply to it; the other actions belong to its submitter and the account's
 * delegated administrators.
 */
@Service
class ContactActions {

  private final CaseRecords records;
  private final CaseEngine engine;
  private final CaseModels models;
  private final CcContacts ccContacts;
  private final NamedContacts contacts;
  private final EntitlementLookup entitlements;
  private final EngineClock clock;
  private final CaseEscalations escalations;
  private final Outages outages;

  ContactActions(
      CaseRecords records,
      CaseEngine engine,
      CaseModels models,
      CcContacts ccContacts,
      NamedContacts contacts,
      EntitlementLookup entitlements,
      EngineClock clock,
      CaseEscalations escalations,
      Outages outages) {
    this.records = records;
    this.engine = engine;
    this.models = models;
    this.ccContacts = ccContacts;
    this.contacts = contacts;
    this.entitlements = entitlements;
    this.clock = clock;
    this.escalations = escalations;
    this.outages = outages;
  }

  /**
   * The contact's reply. In a waiting status (Awaiting customer response, Resolution provided) it
   * ends the wait and returns the case to the engineer; otherwise it joins the conversation, the
   * engineer's open task shows it, and the team is told ({@code SubProcess_CustomerWrote}).
   */
  @Transactional
  public void reply(String caseNumber, String contact, String text) {
    CaseRecord kase = caseOf(caseNumber);
    if (text == null || text.isBlank()) {
      throw BadRequestException.of("text", "is required");
    }
    checkLength("text", text);
    if (kase.status().isShut()) {
      throw new UnprocessableException("caseNumber", shut(kase));
    }
    Instant now = clock.instant();
    records.addMessage(
        caseNumber,
        author(contact),
        AuthorKind.CONTACT,
        MessageVisibility.PUBLIC,
        text.strip(),
        now);
    if (kase.status() == CaseStatus.AWAITING_CUSTOMER
        || kase.status() == CaseStatus.RESOLUTION_PROVIDED) {
      records.status(caseNumber, CaseStatus.IN_PROGRESS, now);
      engine.customerReplied(caseNumber);
    } else {
      engine.customerWrote(caseNumber);
    }
  }

  /**
   * Why a shut case takes no reply, and what to do instead: within its reopen window (its own
   * model's), reopen it; past it, or when rejected, open a new case.
   */
  private String shut(CaseRecord kase) {
    String status = kase.caseNumber() + " is " + kase.status().label().toLowerCase(Locale.ROOT);
    if (kase.status() != CaseStatus.CLOSED) {
      return status + ": open a new case";
    }
    Instant until = models.reopenableUntil(kase);
    if (clock.instant().isBefore(until)) {
      return status
          + ": reopen it first (within "
          + models.reopenWindow(models.definitionOf(kase.caseNumber())).inWords()
          + " of closure)";
    }
    return status
        + " and its reopen window ended on "
        + until
        + ": open a new case with relatedCase = "
        + kase.caseNumber();
  }

  /** The contact confirms the proposed resolution: the case closes. */
  @Transactional
  public void confirmResolution(String caseNumber, String contact) {
    CaseRecord kase = caseOf(caseNumber);
    requireManager(kase, contact, "confirm the resolution");
    if (kase.status() != CaseStatus.RESOLUTION_PROVIDED) {
      throw new UnprocessableException(
          "caseNumber",
          caseNumber
              + " has no resolution waiting for confirmation "
              + "(status: "
              + kase.status().label()
              + ")");
    }
    records.addMessage(
        caseNumber,
        author(contact),
        AuthorKind.CONTACT,
        MessageVisibility.PUBLIC,
        "Resolution confirmed.",
        clock.instant());
    engine.resolutionConfirmed(caseNumber);
  }

  /**
   * Reopens a closed case within the reopen window; later, the contact must open a new, related
   * case.
   */
  @Transactional
  public void reopen(String caseNumber, String contact, String reason) {
    if (reason != null) {
      checkLength("reason", reason);
    }
    CaseRecord kase = caseOf(caseNumber);
    requireManager(kase, contact, "reopen it");
    if (kase.status() != CaseStatus.CLOSED) {
      throw new UnprocessableException(
          "caseNumber", caseNumber + " is not closed (status: " + kase.status().label() + ")");
    }
    Instant reopenableUntil = models.reopenableUntil(kase);
    if (!clock.instant().isBefore(reopenableUntil)
        || !engine.awaits(caseNumber, CaseEngine.CASE_REOPENED)) {
      throw new ReopenWindowClosedException(caseNumber, reopenableUntil);
    }
    if (reason != null && !reason.isBlank()) {
      records.addMessage(
          caseNumber,
          author(contact),
          AuthorKind.CONTACT,
          MessageVisibility.PUBLIC,
          reason.strip(),
          clock.instant());
    }
    engine.reopened(caseNumber);
  }

  /**
   * Asks for a root-cause analysis: Sev 1 cases on plans that include it, once per case, at any
   * time, also after the case closed (the plans set no limit). It runs as a process of its own,
   * which ends only when the RCA is delivered or declined with a reason.
   */
  @Transactional
  public void requestRootCauseAnalysis(String caseNumber, String contact) {
    CaseRecord kase = caseOf(caseNumber);
    requireManager(kase, contact, "request a root-cause analysis");
    if (!rootCauseAnalysisIncluded(kase)) {
      throw new UnprocessableException(
          "caseNumber", "the " + kase.plan() + " plan does not include root-cause " + "analyses");
    }
    // A case that was ever severity 1 keeps the right after it was lowered.
    if (!records.everSeverityOne(kase)) {
      throw new UnprocessableException(
          "caseNumber",
          "root-cause analyses are for severity 1 cases; "
              + caseNumber
              + " was never severity 1 (it is severity "
              + kase.severity()
              + ")");
    }
    if (kase.rcaRequestedAt() != null) {
      throw new UnprocessableException(
          "caseNumber",
          "a root-cause analysis of " + caseNumber + " was requested on " + kase.rcaRequestedAt());
    }
    Instant now = clock.instant();
    records.rcaRequested(caseNumber, now);
    records.addMessage(
        caseNumber,
        author(contact),
        AuthorKind.CONTACT,
        MessageVisibility.PUBLIC,
        "Root-cause analysis requested.",
        now);
    engine.rcaRequested(caseNumber, kase.candidateGroup());
  }

  /**
   * Escalates an open case to an escalation manager, at any point of its life ({@link
   * CaseEscalations}).
   */
  @Transactional
  public CaseEscalations.Escalation escalate(String caseNumber, String contact, String reason) {
    requireManager(caseOf(caseNumber), contact, "escalate it");
    return escalations.request(caseNumber, author(contact), AuthorKind.CONTACT, reason);
  }

  /**
   * Links the case to an active outage it was offered (same product, its region or everywhere): it
   * gets the outage's updates.
   */
  @Transactional
  public Outages.Outage linkOutage(String caseNumber, String contact, Long outageId) {
    requireManager(caseOf(caseNumber), contact, "link it to an outage");
    if (outageId == null) {
      throw BadRequestException.of("outageId", "is required");
    }
    return outages.link(outageId, List.of(caseNumber), author(contact));
  }

  /**
   * Sets the CC contacts of a case: named contacts of the same account, on plans with CC contacts.
   */
  @Transactional
  public void setCc(String caseNumber, NamedContacts.Contact contact, List<String> cc) {
    requireManager(caseOf(caseNumber), contact.email(), "change who is in CC");
    if (!contacts.visibility(contact).ccContacts()) {
      throw new UnprocessableException("cc", "your plan has no CC contacts (Silver and above)");
    }
    if (cc == null) {
      throw BadRequestException.of(
          "cc", "is required (a list of e-mail addresses; empty to clear)");
    }
    records.replaceCc(caseNumber, ccContacts.checked(contact.email(), cc));
  }

  /** The case, locked until commit. */
  private CaseRecord caseOf(String caseNumber) {
    return records
        .lock(caseNumber)
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  /**
   * Acting on a case beyond replying is for its submitter and the account's delegated
   * administrators.
   */
  private void requireManager(CaseRecord kase, String contact, String action) {
    if (!manages(kase, contact)) {
      throw new ForbiddenException(
          "Only the submitter of "
              + kase.caseNumber()
              + " and your account's delegated "
              + "administrators may "
              + action
              + "; contacts in CC and colleagues who see the case may read and reply");
    }
  }

  /** The case's submitter, or a delegated administrator of its account. */
  private boolean manages(CaseRecord kase, String contact) {
    String email = author(contact);
    return email.equals(kase.submitter())
        || contacts
            .find(email)
            .filter(found -> found.delegatedAdmin() && found.accountId().equals(kase.accountId()))
            .isPresent();
  }

  private boolean rootCauseAnalysisIncluded(CaseRecord kase) {
    return kase.accountId() != null
        && entitlements
            .account(kase.accountId())
            .map(EntitlementLookup.AccountSummary::rootCauseAnalysisForSev1)
            .orElse(false);
  }

  /**
   * What the contact may do with a case they see, by the rules of the actions above: for a page
   * that offers only what would be accepted.
   */
  ContactCases.Choices choices(CaseRecord kase, NamedContacts.Contact contact) {
    boolean manages = manages(kase, contact.email());
    boolean closed = kase.status() == CaseStatus.CLOSED;
    Instant reopenableUntil = models.reopenableUntil(kase);
    boolean reopen =
        manages && closed && reopenableUntil != null && clock.instant().isBefore(reopenableUntil);
    return new ContactCases.Choices(
        manages,
        reopen,
        closed && !reopen,
        manages
            && kase.rcaRequestedAt() == null
            && rootCauseAnalysisIncluded(kase)
            && records.everSeverityOne(kase),
        kase.rcaRequestedAt(),
        manages && contacts.visibility(contact).ccContacts());
  }

  private static void checkLength(String field, String text) {
    if (text.length() > TextLimits.TEXT) {
      throw BadRequestException.of(field, "must be at most " + TextLimits.TEXT + " characters");
    }
  }

  private static String author(String contact) {
    return contact == null ? "contact" : contact.strip().toLowerCase(Locale.ROOT);
  }
}
