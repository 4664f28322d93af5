package io.caseops.cases;

import static io.caseops.cases.CaseVariables.BUSINESS_IMPACT;
import static io.caseops.cases.CaseVariables.PRODUCT;
import static io.caseops.cases.CaseVariables.PRODUCTION_AFFECTED;
import static io.caseops.cases.CaseVariables.PRODUCT_USABLE;
import static io.caseops.cases.CaseVariables.REQUESTED_LANGUAGE;
import static io.caseops.cases.CaseVariables.REQUESTED_REGION;
import static io.caseops.cases.CaseVariables.REQUEST_TYPE;
import static io.caseops.cases.CaseVariables.SUBMITTER;
import static io.caseops.cases.CaseVariables.USERS_AFFECTED;
import static io.caseops.cases.CaseVariables.WORKAROUND_AVAILABLE;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.Entitlement;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.EntitlementRefusedException;
import io.caseops.entitlement.NamedContacts;
import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.BadRequestException.Problem;
import io.caseops.system.web.UnprocessableException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening a case: the submission is checked (its fields by Bean Validation, the rules that span
 * fields and tables here), written to the read model, and the SupportCase process runs its intake
 * (entitlement, severity, target, due dates) before the caller gets the answer.
 */
@Api
@Service
public class CaseIntake {

  /** The key of the process each case runs, with the case number as its business key. */
  public static final String PROCESS = CaseEngine.PROCESS;

  static final String REQUIRED = "is required";
  // The Severity decision's input values (its inputValues; ModelVocabularyTest keeps them equal).
  static final String USERS_AFFECTED_VALUES = "one|several|all";
  static final String BUSINESS_IMPACT_VALUES = "critical|major|medium|minor|none";
  static final String REQUEST_TYPE_VALUES =
      "incident|question|feature-request|documentation|training";
  static final String SEVERITY_RULE = "must be 1, 2, 3 or 4";

  /**
   * The submitter's answers to the Severity decision's questions. {@code requestType} always; an
   * incident also needs the other five, a question or request does not.
   */
  public record SeverityAnswers(
      Boolean productionAffected,
      Boolean productUsable,
      Boolean workaroundAvailable,
      @Pattern(
              regexp = USERS_AFFECTED_VALUES,
              message = "must be one of [all, one, several], got '${validatedValue}'")
          String usersAffected,
      @Pattern(
              regexp = BUSINESS_IMPACT_VALUES,
              message =
                  "must be one of [critical, major, medium, minor, none], got '${validatedValue}'")
          String businessImpact,
      @NotNull(
              message =
                  "must be one of [documentation, feature-request, incident, question, training]")
          @Pattern(
              regexp = REQUEST_TYPE_VALUES,
              message =
                  "must be one of [documentation, feature-request, incident, question, training], got "
                      + "'${validatedValue}'")
          String requestType) {

    /** The Severity decision's inputs (but the catalogue), by their process variable names. */
    Map<String, Object> decisionInputs() {
      Map<String, Object> inputs = new HashMap<>();
      inputs.put(PRODUCTION_AFFECTED, productionAffected);
      inputs.put(PRODUCT_USABLE, productUsable);
      inputs.put(WORKAROUND_AVAILABLE, workaroundAvailable);
      inputs.put(USERS_AFFECTED, usersAffected);
      inputs.put(BUSINESS_IMPACT, businessImpact);
      inputs.put(REQUEST_TYPE, requestType);
      return inputs;
    }

    /**
     * What an incident leaves unanswered: the Severity decision cannot classify it without these.
     */
    List<Problem> missingForAnIncident() {
      List<Problem> missing = new ArrayList<>();
      String rule =
          "is required for an incident: the Severity decision classifies it from the answers";
      if (productionAffected == null) {
        missing.add(new Problem("answers.productionAffected", rule + " (true or false)"));
      }
      if (productUsable == null) {
        missing.add(new Problem("answers.productUsable", rule + " (true or false)"));
      }
      if (workaroundAvailable == null) {
        missing.add(new Problem("answers.workaroundAvailable", rule + " (true or false)"));
      }
      if (usersAffected == null) {
        missing.add(new Problem("answers.usersAffected", rule + " (one of [all, one, several])"));
      }
      if (businessImpact == null) {
        missing.add(
            new Problem(
                "answers.businessImpact",
                rule + " (one of [critical, major, medium, minor, none])"));
      }
      return "incident".equals(requestType) ? missing : List.of();
    }
  }

  /**
   * A new case. {@code answers} are required: a proposed severity is kept beside the
   * classification, never instead of it, so that no contact can choose a severity the answers do
   * not support. {@code region} and {@code language} may be null for the plan's defaults; {@code
   * cc} are named contacts of the same account.
   */
  public record Submission(
      @NotBlank(message = REQUIRED) String submitter,
      @NotBlank(message = REQUIRED) String product,
      @NotBlank(message = REQUIRED)
          @Size(max = TextLimits.SUBJECT, message = "must be at most {max} characters")
          @Pattern(
              regexp = "[^\\r\\n\\u2028\\u2029]*",
              message = "must be one line (no line breaks)")
          String subject,
      @NotBlank(message = REQUIRED)
          @Size(max = TextLimits.TEXT, message = "must be at most {max} characters")
          String description,
      @Valid SeverityAnswers answers,
      @Min(value = 1, message = SEVERITY_RULE) @Max(value = 4, message = SEVERITY_RULE)
          Integer proposedSeverity,
      String region,
      String language,
      List<String> cc,
      String relatedCase) {}

  /** What the submitter learns at once: the case number, and what intake made of it. */
  public record Submitted(
      String caseNumber,
      CaseStatus status,
      Integer severity,
      String responseTarget,
      Instant dueAt,
      String rejection) {

    static Submitted of(CaseRecord kase) {
      return new Submitted(
          kase.caseNumber(),
          kase.status(),
          kase.severity(),
          kase.responseTarget(),
          kase.dueAt(),
          kase.rejection());
    }
  }

  private final CaseRecords records;
  private final CaseQueries queries;
  private final CaseSubmissions submissions;
  private final CaseEngine engine;
  private final CcContacts ccContacts;
  private final NamedContacts contacts;
  private final EntitlementLookup entitlements;
  private final Validator validator;
  private final EngineClock clock;
  private final TransactionTemplate inTransaction;

  CaseIntake(
      CaseRecords records,
      CaseQueries queries,
      CaseSubmissions submissions,
      CaseEngine engine,
      CcContacts ccContacts,
      NamedContacts contacts,
      EntitlementLookup entitlements,
      Validator validator,
      EngineClock clock,
      PlatformTransactionManager transactions) {
    this.records = records;
    this.queries = queries;
    this.submissions = submissions;
    this.engine = engine;
    this.ccContacts = ccContacts;
    this.contacts = contacts;
    this.entitlements = entitlements;
    this.validator = validator;
    this.clock = clock;
    this.inTransaction = new TransactionTemplate(transactions);
  }

  /**
   * A named contact's submission through the API: what the entitlement lookup would refuse is
   * answered at once (400 for a bad product, region or language, 422 for a missing or expired
   * contract), so no case is opened for it. With an idempotency key, a retry returns the case of
   * the first submission.
   */
  public Submitted submitAs(
      NamedContacts.Contact contact, Submission submission, String idempotencyKey) {
    if (idempotencyKey != null) {
      if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
        throw BadRequestException.of("Idempotency-Key", "must be 1 to 100 characters");
      }
      Optional<CaseSubmissions.First> first = submissions.caseOf(contact.email(), idempotencyKey);
      if (first.isPresent()) {
        return retried(first.get(), submission);
      }
    }
    admit(contact, submission);
    String caseNumber = nextCaseNumber();
    // The case, its process and the idempotency key commit together: a retry racing this one
    // fails on the key and is rolled back whole, then answered the first one's case.
    try {
      return inTransaction.execute(
          status -> {
            Submitted submitted = open(caseNumber, submission);
            if (idempotencyKey != null) {
              submissions.remember(
                  contact.email(),
                  idempotencyKey,
                  CaseSubmissions.digest(submission),
                  submitted.caseNumber(),
                  clock.instant());
            }
            return submitted;
          });
    } catch (DuplicateKeyException sameKeyAtOnce) {
      return Optional.ofNullable(idempotencyKey)
          .flatMap(key -> submissions.caseOf(contact.email(), key))
          .map(first -> retried(first, submission))
          .orElseThrow(() -> sameKeyAtOnce);
    }
  }

  /**
   * The first case of a retried submission; a key used again for another request is refused, so
   * that a client that reuses keys by mistake does not lose its second case silently.
   */
  private Submitted retried(CaseSubmissions.First first, Submission submission) {
    if (first.requestDigest() != null
        && !first.requestDigest().equals(CaseSubmissions.digest(submission))) {
      throw new UnprocessableException(
          "Idempotency-Key",
          "was already used for another submission (case "
              + first.caseNumber()
              + "): send a new key with a new case");
    }
    return Submitted.of(records.get(first.caseNumber()));
  }

  /**
   * What the entitlement lookup and the checks would refuse of a contact's submission, as a 400 or
   * 422 naming the field; else the entitlement it would get. Writes nothing.
   */
  Entitlement admit(NamedContacts.Contact contact, Submission submission) {
    if (submission.relatedCase() != null
        && queries.visible(contact, submission.relatedCase()).isEmpty()) {
      throw BadRequestException.of(
          "relatedCase", "must name one of your cases, got '" + submission.relatedCase() + "'");
    }
    if (submission.cc() != null
        && !submission.cc().isEmpty()
        && !contacts.visibility(contact).ccContacts()) {
      throw new UnprocessableException("cc", "your plan has no CC contacts (Silver and above)");
    }
    check(submission);
    try {
      return entitlements.lookup(
          new EntitlementLookup.Request(
              contact.email(), submission.product(), submission.region(), submission.language()));
    } catch (EntitlementRefusedException refused) {
      throw switch (refused.reason()) {
        case UNKNOWN_PRODUCT -> BadRequestException.of("product", refused.getMessage());
        case REGION_REQUIRED, REGION_NOT_ALLOWED ->
            BadRequestException.of("region", refused.getMessage());
        case LANGUAGE_NOT_ALLOWED -> BadRequestException.of("language", refused.getMessage());
        default -> new UnprocessableException("product", refused.getMessage());
      };
    }
  }

  /**
   * Opens a case and runs its intake (entitlement, severity, target, due dates) before returning.
   */
  public Submitted submit(Submission submission) {
    check(submission);
    String caseNumber = nextCaseNumber();
    return inTransaction.execute(status -> open(caseNumber, submission));
  }

  private String nextCaseNumber() {
    int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
    try {
      return records.nextCaseNumber(year);
    } catch (DuplicateKeyException yearsFirstCaseAtOnce) {
      // Two first cases of a year both inserted its counter row; the loser's transaction is
      // gone, and the row is there now: number again.
      return records.nextCaseNumber(year);
    }
  }

  private Submitted open(String caseNumber, Submission submission) {
    Instant now = clock.instant();
    String submitter = submission.submitter().strip().toLowerCase(Locale.ROOT);
    String description = submission.description().strip();
    records.insert(
        caseNumber,
        submission.product(),
        submitter,
        submission.subject().strip(),
        description,
        submission.proposedSeverity(),
        submission.relatedCase(),
        now);
    records.addMessage(
        caseNumber, submitter, AuthorKind.CONTACT, MessageVisibility.PUBLIC, description, now);
    records.addCc(caseNumber, CcContacts.normalised(submitter, submission.cc()));
    engine.start(caseNumber, variables(submission, submitter));
    return Submitted.of(records.get(caseNumber));
  }

  private static VariableMap variables(Submission submission, String submitter) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(SUBMITTER, submitter)
            .putValue(PRODUCT, submission.product())
            .putValue(REQUESTED_REGION, blankToNull(submission.region()))
            .putValue(REQUESTED_LANGUAGE, blankToNull(submission.language()));
    if (submission.answers() != null) {
      variables.putAll(submission.answers().decisionInputs());
    }
    return variables;
  }

  /**
   * The fields by their annotations; then what spans fields or needs the tables. All problems in
   * one answer.
   */
  private void check(Submission submission) {
    List<Problem> problems =
        new ArrayList<>(
            validator.validate(submission).stream()
                .map(
                    violation ->
                        new Problem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted(Comparator.comparing(Problem::field))
                .toList());
    if (submission.answers() == null) {
      problems.add(
          new Problem(
              "answers",
              "is required: answer the severity questions (an incident: productionAffected,"
                  + " productUsable, workaroundAvailable, usersAffected, businessImpact; a question or"
                  + " request: its requestType); a proposed severity alone is not enough"));
    } else {
      problems.addAll(submission.answers().missingForAnIncident());
    }
    if (submission.relatedCase() != null && records.find(submission.relatedCase()).isEmpty()) {
      problems.add(
          new Problem(
              "relatedCase", "must name an existing case, got '" + submission.relatedCase() + "'"));
    }
    problems.addAll(ccContacts.problems(submission.submitter(), submission.cc()));
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
