package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.NotFoundException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact API for cases: a named contact submits and follows cases. A case the contact may not
 * see answers 404, as if it did not exist, so that case numbers do not leak.
 */
@RestController
@RequestMapping("/api/cases")
class ContactCaseController {

  static final int MAX_PAGE_SIZE = 100;

  record SubmitRequest(
      String product,
      String subject,
      String description,
      CaseIntake.SeverityAnswers answers,
      Integer proposedSeverity,
      String language,
      String region,
      List<String> cc,
      String relatedCase) {}

  /**
   * What the submitter learns at once (refusals are 4xx answers, so a submitted case is never
   * rejected here).
   */
  record SubmitResponse(
      String caseNumber,
      CaseStatus status,
      Integer severity,
      String responseTarget,
      Instant dueAt,
      List<Outages.Notice> activeOutages) {}

  record MessageRequest(String text) {}

  record ReopenRequest(String reason) {}

  record CcRequest(List<String> cc) {}

  record EscalationRequest(String reason) {}

  record OutageLink(Long outageId) {}

  record CaseSummary(
      String caseNumber,
      String subject,
      String product,
      String status,
      Integer severity,
      String responseTarget,
      Instant dueAt,
      Instant submittedAt,
      String submitter) {}

  record Message(String author, String authorKind, Instant writtenAt, String text) {}

  /**
   * The SLA of the first response: pending, met, breached (answered late, or still open past due)
   * or none.
   */
  record Sla(String outcome, Instant dueAt, Instant respondedAt) {}

  record CaseView(
      String caseNumber,
      String subject,
      String product,
      String status,
      Integer severity,
      Integer proposedSeverity,
      String responseTarget,
      Instant dueAt,
      Sla sla,
      String submitter,
      List<String> cc,
      String relatedCase,
      Instant submittedAt,
      Instant closedAt,
      Instant reopenableUntil,
      List<Message> messages) {}

  record CaseList(List<CaseSummary> cases, int page, int size, long total) {}

  private final CaseIntake intake;
  private final ContactActions actions;
  private final CaseQueries queries;
  private final CaseRecords records;
  private final CaseModels models;
  private final EngineClock clock;

  private final Outages outages;

  ContactCaseController(
      CaseIntake intake,
      ContactActions actions,
      CaseQueries queries,
      CaseRecords records,
      CaseModels models,
      EngineClock clock,
      Outages outages) {
    this.outages = outages;
    this.intake = intake;
    this.actions = actions;
    this.queries = queries;
    this.records = records;
    this.models = models;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<SubmitResponse> submit(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody SubmitRequest request) {
    CaseIntake.Submission submission =
        new CaseIntake.Submission(
            me.email(),
            request.product(),
            request.subject(),
            request.description(),
            request.answers(),
            request.proposedSeverity(),
            request.region(),
            request.language(),
            request.cc(),
            request.relatedCase());
    CaseIntake.Submitted submitted;
    try {
      submitted = intake.submitAs(me, submission, key);
    } catch (DuplicateKeyException sameKeyAtOnce) {
      // Two requests with one key raced; the first one's case stands, the second was rolled back
      // whole.
      submitted = intake.submitAs(me, submission, key);
    }
    return ResponseEntity.created(URI.create("/api/cases/" + submitted.caseNumber()))
        .body(
            new SubmitResponse(
                submitted.caseNumber(),
                submitted.status(),
                submitted.severity(),
                submitted.responseTarget(),
                submitted.dueAt(),
                outages.offeredTo(submitted.caseNumber())));
  }

  @GetMapping
  CaseList list(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer severity,
      @RequestParam(required = false) String product,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    CaseStatus wanted = null;
    if (status != null) {
      try {
        wanted = CaseStatus.of(status);
      } catch (IllegalArgumentException unknown) {
        throw BadRequestException.of(
            "status", "must be one of " + statuses() + ", got '" + status + "'");
      }
    }
    if (severity != null && (severity < 1 || severity > 4)) {
      throw BadRequestException.of("severity", "must be 1, 2, 3 or 4");
    }
    if (page < 0) {
      throw BadRequestException.of("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw BadRequestException.of("size", "must be 1 to " + MAX_PAGE_SIZE);
    }
    CaseQueries.Page found =
        queries.list(me, new CaseQueries.Filter(wanted, severity, product), page, size);
    return new CaseList(
        found.cases().stream().map(ContactCaseController::summary).toList(),
        page,
        size,
        found.total());
  }

  @GetMapping("/{caseNumber}")
  CaseView get(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber) {
    CaseRecord kase = visible(me, caseNumber);
    List<Message> messages =
        records.messages(caseNumber).stream()
            .filter(CaseRecords.Message::isPublic)
            .map(
                message ->
                    new Message(
                        message.authorKind() == AuthorKind.STAFF
                            ? "CaseOps Support"
                            : message.author(),
                        message.authorKind().value(),
                        message.writtenAt(),
                        message.body()))
            .toList();
    return new CaseView(
        kase.caseNumber(),
        kase.subject(),
        kase.product(),
        kase.status().label(),
        kase.severity(),
        kase.proposedSeverity(),
        kase.responseTarget(),
        kase.dueAt(),
        sla(kase),
        kase.submitter(),
        records.cc(caseNumber),
        kase.relatedCase(),
        kase.submittedAt(),
        kase.closedAt(),
        models.reopenableUntil(kase),
        messages);
  }

  @PostMapping("/{caseNumber}/messages")
  ResponseEntity<Void> reply(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody MessageRequest request) {
    visible(me, caseNumber);
    actions.reply(caseNumber, me.email(), request.text());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).build();
  }

  @PostMapping("/{caseNumber}/confirm-resolution")
  ResponseEntity<Void> confirm(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber) {
    visible(me, caseNumber);
    actions.confirmResolution(caseNumber, me.email());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/reopen")
  ResponseEntity<Void> reopen(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody(required = false) ReopenRequest request) {
    visible(me, caseNumber);
    actions.reopen(caseNumber, me.email(), request == null ? null : request.reason());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/root-cause-analysis")
  ResponseEntity<Void> rootCauseAnalysis(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber) {
    visible(me, caseNumber);
    actions.requestRootCauseAnalysis(caseNumber, me.email());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{caseNumber}/escalation")
  ResponseEntity<CaseEscalations.Escalation> escalate(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody(required = false) EscalationRequest request) {
    visible(me, caseNumber);
    return ResponseEntity.accepted()
        .body(actions.escalate(caseNumber, me.email(), request == null ? null : request.reason()));
  }

  /** Accepts an outage the submission offered: the case gets its updates. */
  @PostMapping("/{caseNumber}/outage")
  ResponseEntity<Void> linkOutage(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody(required = false) OutageLink request) {
    visible(me, caseNumber);
    actions.linkOutage(caseNumber, me.email(), request == null ? null : request.outageId());
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/{caseNumber}/cc")
  ResponseEntity<Void> cc(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody CcRequest request) {
    visible(me, caseNumber);
    actions.setCc(caseNumber, me, request.cc());
    return ResponseEntity.noContent().build();
  }

  private CaseRecord visible(Contact me, String caseNumber) {
    return queries
        .visible(me, caseNumber)
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  private Sla sla(CaseRecord kase) {
    var record = records.sla(kase.caseNumber());
    if (record.isPresent()) {
      return new Sla(
          record.get().met() ? "met" : "breached",
          record.get().dueAt(),
          record.get().respondedAt());
    }
    if (kase.dueAt() == null) {
      return new Sla("none", null, null);
    }
    return new Sla(
        clock.instant().isAfter(kase.dueAt()) ? "breached" : "pending", kase.dueAt(), null);
  }

  private static CaseSummary summary(CaseRecord kase) {
    return new CaseSummary(
        kase.caseNumber(),
        kase.subject(),
        kase.product(),
        kase.status().label(),
        kase.severity(),
        kase.responseTarget(),
        kase.dueAt(),
        kase.submittedAt(),
        kase.submitter());
  }

  private static List<String> statuses() {
    return java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::label).toList();
  }
}
