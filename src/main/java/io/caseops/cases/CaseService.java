package io.caseops.cases;

import static io.caseops.cases.CaseVariables.*;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.EntitlementRefusedException;
import io.caseops.entitlement.NamedContacts;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.BadRequestException.Problem;
import io.caseops.system.web.ForbiddenException;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.UnprocessableException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a contact does to a case: submit, reply, confirm a resolution, reopen, ask for a root-cause analysis. Each call
 * writes the read model and moves the process in one transaction: either both happen or neither. A call on an existing
 * case locks its row first ({@link CaseRecords#lock}), so it runs after, never beside, a timer or a second click on the
 * same case. Whoever sees a case may reply to it; the other actions belong to its submitter and to the account's
 * delegated administrators.
 */
@Service("supportCaseService")  // "caseService" is the engine's CMMN service bean
public class CaseService {

  public static final String PROCESS = "SupportCase";
  public static final String CASE_SUBMITTED = "CaseSubmitted";
  public static final String CUSTOMER_REPLIED = "CustomerReplied";
  /** A message outside a waiting status: the engineer's open task gets a fresh briefing and the team is told. */
  public static final String CUSTOMER_WROTE = "CustomerWrote";
  public static final String RESOLUTION_CONFIRMED = "ResolutionConfirmed";
  public static final String CASE_REOPENED = "CaseReopened";
  public static final String RCA_REQUESTED = "RcaRequested";
  /** How long after closure a case may be reopened or get an RCA (Timer_ReopenWindowOver, P14D). */
  public static final Duration REOPEN_WINDOW = CaseClosure.REOPEN_WINDOW;

  static final int MAX_SUBJECT = 200;
  static final int MAX_DESCRIPTION = 20_000;
  static final Set<String> USERS_AFFECTED_VALUES = Set.of("one", "several", "all");
  static final Set<String> BUSINESS_IMPACT_VALUES = Set.of("critical", "major", "medium", "minor", "none");
  static final Set<String> REQUEST_TYPE_VALUES = Set.of("incident", "question", "feature-request", "documentation",
      "training");

  /** The submitter's answers to the Severity decision's questions. */
  public record SeverityAnswers(Boolean productionAffected, Boolean productUsable, Boolean workaroundAvailable,
                                String usersAffected, String businessImpact, String requestType) {
  }

  /**
   * A new case. {@code answers} or {@code proposedSeverity} (or both) must be given; {@code region} and
   * {@code language} may be null for the plan's defaults; {@code cc} are named contacts of the same account.
   */
  public record Submission(String submitter, String product, String subject, String description,
                           SeverityAnswers answers, Integer proposedSeverity, String region, String language,
                           List<String> cc, String relatedCase) {
  }

  /** What the submitter learns at once: the case number, and what intake made of it. */
  public record Submitted(String caseNumber, CaseStatus status, Integer severity, String responseTarget,
                          Instant dueAt, String rejection) {
  }

  private final CaseRecords records;
  private final CaseQueries queries;
  private final RuntimeService runtime;
  private final NamedContacts contacts;
  private final EntitlementLookup entitlements;
  private final JdbcTemplate jdbc;
  private final EngineClock clock;

  CaseService(CaseRecords records, CaseQueries queries, RuntimeService runtime, NamedContacts contacts,
              EntitlementLookup entitlements, JdbcTemplate jdbc, EngineClock clock) {
    this.records = records;
    this.queries = queries;
    this.runtime = runtime;
    this.contacts = contacts;
    this.entitlements = entitlements;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * A named contact's submission through the API: what the entitlement lookup would refuse is answered at once
   * (400 for a bad product, region or language, 422 for a missing or expired contract), so no case is opened for it.
   * With an idempotency key, a retry returns the case of the first submission.
   */
  @Transactional
  public Submitted submitAs(NamedContacts.Contact contact, Submission submission, String idempotencyKey) {
    if (idempotencyKey != null) {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
        throw BadRequestException.of("Idempotency-Key", "must be 1 to 100 characters");
      }
      Optional<String> first = jdbc.queryForList("select case_number from case_submission where submitter = ? "
          + "and idempotency_key = ?", String.class, contact.email(), idempotencyKey).stream().findFirst();
      if (first.isPresent()) {
        return submitted(records.get(first.get()));
      }
    }
    if (submission.relatedCase() != null && queries.visible(contact, submission.relatedCase()).isEmpty()) {
      throw BadRequestException.of("relatedCase", "must name one of your cases, got '" + submission.relatedCase()
          + "'");
    }
    if (submission.cc() != null && !submission.cc().isEmpty() && !contacts.visibility(contact).ccContacts()) {
      throw new UnprocessableException("cc", "your plan has no CC contacts (Silver and above)");
    }
    check(submission);
    try {
      entitlements.lookup(new EntitlementLookup.Request(contact.email(), submission.product(), submission.region(),
          submission.language()));
    } catch (EntitlementRefusedException refused) {
      throw switch (refused.reason()) {
        case UNKNOWN_PRODUCT -> BadRequestException.of("product", refused.getMessage());
        case REGION_REQUIRED, REGION_NOT_ALLOWED -> BadRequestException.of("region", refused.getMessage());
        case LANGUAGE_NOT_ALLOWED -> BadRequestException.of("language", refused.getMessage());
        default -> new UnprocessableException("product", refused.getMessage());
      };
    }
    Submitted submitted = submit(submission);
    if (idempotencyKey != null) {
      jdbc.update("insert into case_submission (submitter, idempotency_key, case_number, created_at) "
          + "values (?, ?, ?, ?)", contact.email(), idempotencyKey, submitted.caseNumber(),
          CaseRecords.ts(clock.instant()));
    }
    return submitted;
  }

  /** Sets the CC contacts of a case: named contacts of the same account, on plans with CC contacts. */
  @Transactional
  public void setCc(String caseNumber, NamedContacts.Contact contact, List<String> cc) {
    requireManager(caseOf(caseNumber), contact.email(), "change who is in CC");
    if (!contacts.visibility(contact).ccContacts()) {
      throw new UnprocessableException("cc", "your plan has no CC contacts (Silver and above)");
    }
    if (cc == null) {
      throw BadRequestException.of("cc", "is required (a list of e-mail addresses; empty to clear)");
    }
    Submission asIf = new Submission(contact.email(), "-", "-", "-", null, 1, null, null, cc, null);
    List<Problem> problems = new ArrayList<>();
    checkCc(asIf, problems);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    records.replaceCc(caseNumber, cc(asIf, contact.email()));
  }

  static Submitted submitted(CaseRecord kase) {
    return new Submitted(kase.caseNumber(), kase.status(), kase.severity(), kase.responseTarget(), kase.dueAt(),
        kase.rejection());
  }

  /** Opens a case and runs its intake (entitlement, severity, target, due dates) before returning. */
  @Transactional
  public Submitted submit(Submission submission) {
    check(submission);
    Instant now = clock.instant();
    String caseNumber = records.nextCaseNumber(now.atZone(ZoneOffset.UTC).getYear());
    String submitter = submission.submitter().strip().toLowerCase(Locale.ROOT);
    records.insert(caseNumber, submission.product(), submitter, submission.subject().strip(),
        submission.description().strip(), submission.proposedSeverity(), submission.relatedCase(), now);
    records.addMessage(caseNumber, submitter, "contact", "public", submission.description().strip(), now);
    records.addCc(caseNumber, cc(submission, submitter));

    VariableMap variables = Variables.createVariables()
        .putValue(SUBMITTER, submitter)
        .putValue(PRODUCT, submission.product())
        .putValue(REQUESTED_REGION, blankToNull(submission.region()))
        .putValue(REQUESTED_LANGUAGE, blankToNull(submission.language()))
        .putValue(SEVERITY_ANSWERED, submission.answers() != null)
        .putValue(PROPOSED_SEVERITY, submission.proposedSeverity());
    SeverityAnswers answers = submission.answers();
    if (answers != null) {
      variables.putValue(PRODUCTION_AFFECTED, answers.productionAffected())
          .putValue(PRODUCT_USABLE, answers.productUsable())
          .putValue(WORKAROUND_AVAILABLE, answers.workaroundAvailable())
          .putValue(USERS_AFFECTED, answers.usersAffected())
          .putValue(BUSINESS_IMPACT, answers.businessImpact())
          .putValue(REQUEST_TYPE, answers.requestType());
    }
    runtime.createMessageCorrelation(CASE_SUBMITTED).processInstanceBusinessKey(caseNumber)
        .setVariables(variables).correlateStartMessage();
    return submitted(records.get(caseNumber));
  }

  /**
   * The contact's reply. In a waiting status (Awaiting customer response, Resolution provided) it ends the wait and
   * returns the case to the engineer; otherwise it joins the conversation, the engineer's open task shows it, and the
   * team is told ({@code SubProcess_CustomerWrote}).
   */
  @Transactional
  public void reply(String caseNumber, String contact, String text) {
    CaseRecord kase = caseOf(caseNumber);
    if (text == null || text.isBlank()) {
      throw BadRequestException.of("text", "is required");
    }
    checkLength("text", text);
    if (Set.of(CaseStatus.CLOSED, CaseStatus.REJECTED).contains(kase.status())) {
      throw new UnprocessableException("caseNumber", caseNumber + " is " + kase.status().label().toLowerCase(Locale.ROOT)
          + (kase.status() == CaseStatus.CLOSED ? ": reopen it first (within 14 days of closure)"
          : ": open a new case"));
    }
    Instant now = clock.instant();
    records.addMessage(caseNumber, author(contact), "contact", "public", text.strip(), now);
    if (waiting(kase)) {
      records.status(caseNumber, CaseStatus.IN_PROGRESS, now);
      runtime.createMessageCorrelation(CUSTOMER_REPLIED).processInstanceBusinessKey(caseNumber).correlate();
    } else {
      runtime.createMessageCorrelation(CUSTOMER_WROTE).processInstanceBusinessKey(caseNumber).correlateAll();
    }
  }

  /** The contact confirms the proposed resolution: the case closes. */
  @Transactional
  public void confirmResolution(String caseNumber, String contact) {
    CaseRecord kase = caseOf(caseNumber);
    requireManager(kase, contact, "confirm the resolution");
    if (kase.status() != CaseStatus.RESOLUTION_PROVIDED) {
      throw new UnprocessableException("caseNumber", caseNumber + " has no resolution waiting for confirmation "
          + "(status: " + kase.status().label() + ")");
    }
    records.addMessage(caseNumber, author(contact), "contact", "public", "Resolution confirmed.", clock.instant());
    runtime.createMessageCorrelation(RESOLUTION_CONFIRMED).processInstanceBusinessKey(caseNumber).correlate();
  }

  /** Reopens a closed case within 14 days of closure; later, the contact must open a new, related case. */
  @Transactional
  public void reopen(String caseNumber, String contact, String reason) {
    if (reason != null) {
      checkLength("reason", reason);
    }
    CaseRecord kase = caseOf(caseNumber);
    requireManager(kase, contact, "reopen it");
    if (kase.status() != CaseStatus.CLOSED) {
      throw new UnprocessableException("caseNumber", caseNumber + " is not closed (status: " + kase.status().label()
          + ")");
    }
    if (!withinReopenWindow(kase) || subscriptions(caseNumber, CASE_REOPENED) == 0) {
      throw new ReopenWindowClosedException(caseNumber, kase.closedAt().plus(REOPEN_WINDOW));
    }
    if (reason != null && !reason.isBlank()) {
      records.addMessage(caseNumber, author(contact), "contact", "public", reason.strip(), clock.instant());
    }
    runtime.createMessageCorrelation(CASE_REOPENED).processInstanceBusinessKey(caseNumber).correlate();
  }

  /**
   * Asks for a root-cause analysis: Sev 1 cases on plans that include it, once per case, until 14 days after
   * closure.
   */
  @Transactional
  public void requestRootCauseAnalysis(String caseNumber, String contact) {
    CaseRecord kase = caseOf(caseNumber);
    requireManager(kase, contact, "request a root-cause analysis");
    boolean included = kase.accountId() != null && entitlements.account(kase.accountId())
        .map(account -> account.includes("rootCauseAnalysisForSev1")).orElse(false);
    if (!included) {
      throw new UnprocessableException("caseNumber", "the " + kase.plan() + " plan does not include root-cause "
          + "analyses");
    }
    if (kase.severity() == null || kase.severity() != 1) {
      throw new UnprocessableException("caseNumber", "root-cause analyses are for severity 1 cases; " + caseNumber
          + " is severity " + kase.severity());
    }
    if (kase.rcaRequestedAt() != null) {
      throw new UnprocessableException("caseNumber", "a root-cause analysis of " + caseNumber + " was requested on "
          + kase.rcaRequestedAt());
    }
    if (kase.status() == CaseStatus.CLOSED && !withinReopenWindow(kase) || subscriptions(caseNumber, RCA_REQUESTED) == 0) {
      throw new UnprocessableException("caseNumber", "root-cause analyses are requested until 14 days after closure");
    }
    Instant now = clock.instant();
    records.rcaRequested(caseNumber, now);
    records.addMessage(caseNumber, author(contact), "contact", "public", "Root-cause analysis requested.", now);
    runtime.createMessageCorrelation(RCA_REQUESTED).processInstanceBusinessKey(caseNumber).correlate();
  }

  private boolean withinReopenWindow(CaseRecord kase) {
    return kase.closedAt() != null && clock.instant().isBefore(kase.closedAt().plus(REOPEN_WINDOW));
  }

  private long subscriptions(String caseNumber, String message) {
    return runtime.createEventSubscriptionQuery().eventType("message").eventName(message)
        .processInstanceId(processInstanceId(caseNumber)).count();
  }

  private String processInstanceId(String caseNumber) {
    var instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(caseNumber).singleResult();
    return instance == null ? "none" : instance.getId();
  }

  /** The case, locked until commit. */
  private CaseRecord caseOf(String caseNumber) {
    return records.lock(caseNumber).orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  /** Acting on a case beyond replying is for its submitter and the account's delegated administrators. */
  private void requireManager(CaseRecord kase, String contact, String action) {
    String email = author(contact);
    boolean admin = contacts.find(email)
        .filter(found -> found.delegatedAdmin() && found.accountId().equals(kase.accountId())).isPresent();
    if (!email.equals(kase.submitter()) && !admin) {
      throw new ForbiddenException("Only the submitter of " + kase.caseNumber() + " and your account's delegated "
          + "administrators may " + action + "; contacts in CC and colleagues who see the case may read and reply");
    }
  }

  private static void checkLength(String field, String text) {
    if (text.length() > MAX_DESCRIPTION) {
      throw BadRequestException.of(field, "must be at most " + MAX_DESCRIPTION + " characters");
    }
  }

  private static boolean waiting(CaseRecord kase) {
    return kase.status() == CaseStatus.AWAITING_CUSTOMER || kase.status() == CaseStatus.RESOLUTION_PROVIDED;
  }

  private static String author(String contact) {
    return contact == null ? "contact" : contact.strip().toLowerCase(Locale.ROOT);
  }

  private List<String> cc(Submission submission, String submitter) {
    if (submission.cc() == null) {
      return List.of();
    }
    Set<String> cc = new LinkedHashSet<>();
    for (String email : submission.cc()) {
      if (email != null && !email.isBlank() && !email.strip().equalsIgnoreCase(submitter)) {
        cc.add(email.strip().toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(cc);
  }

  private void check(Submission submission) {
    List<Problem> problems = new ArrayList<>();
    require(problems, "submitter", submission.submitter());
    require(problems, "product", submission.product());
    require(problems, "subject", submission.subject());
    require(problems, "description", submission.description());
    if (submission.subject() != null && submission.subject().length() > MAX_SUBJECT) {
      problems.add(new Problem("subject", "must be at most " + MAX_SUBJECT + " characters"));
    }
    if (submission.description() != null && submission.description().length() > MAX_DESCRIPTION) {
      problems.add(new Problem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    Integer proposed = submission.proposedSeverity();
    if (proposed != null && (proposed < 1 || proposed > 4)) {
      problems.add(new Problem("proposedSeverity", "must be 1, 2, 3 or 4"));
    }
    SeverityAnswers answers = submission.answers();
    if (answers == null && proposed == null) {
      problems.add(new Problem("answers", "answer the severity questions, or propose a severity"));
    }
    if (answers != null) {
      Map<String, Boolean> flags = new java.util.LinkedHashMap<>();
      flags.put("answers.productionAffected", answers.productionAffected());
      flags.put("answers.productUsable", answers.productUsable());
      flags.put("answers.workaroundAvailable", answers.workaroundAvailable());
      flags.forEach((field, value) -> {
        if (value == null) {
          problems.add(new Problem(field, "is required (true or false)"));
        }
      });
      oneOf(problems, "answers.usersAffected", answers.usersAffected(), USERS_AFFECTED_VALUES);
      oneOf(problems, "answers.businessImpact", answers.businessImpact(), BUSINESS_IMPACT_VALUES);
      oneOf(problems, "answers.requestType", answers.requestType(), REQUEST_TYPE_VALUES);
    }
    if (submission.relatedCase() != null && records.find(submission.relatedCase()).isEmpty()) {
      problems.add(new Problem("relatedCase", "must name an existing case, got '" + submission.relatedCase() + "'"));
    }
    checkCc(submission, problems);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }

  private void checkCc(Submission submission, List<Problem> problems) {
    if (submission.cc() == null || submission.submitter() == null) {
      return;
    }
    if (submission.cc().size() > 50) {
      problems.add(new Problem("cc", "must list at most 50 contacts"));
      return;
    }
    String account = contacts.find(submission.submitter()).map(NamedContacts.Contact::accountId).orElse(null);
    for (String email : submission.cc()) {
      boolean sameAccount = account != null && email != null && contacts.find(email)
          .map(contact -> contact.accountId().equals(account)).orElse(false);
      if (!sameAccount) {
        problems.add(new Problem("cc", "'" + email + "' is not a named contact of the submitter's account"));
      }
    }
  }

  private static void require(List<Problem> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(new Problem(field, "is required"));
    }
  }

  private static void oneOf(List<Problem> problems, String field, String value, Set<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      problems.add(new Problem(field, "must be one of " + new java.util.TreeSet<>(allowed) + ", got '" + value + "'"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
