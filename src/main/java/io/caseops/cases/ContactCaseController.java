package io.caseops.cases;

import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

  private final CaseIntake intake;
  private final ContactCases cases;
  private final ContactActions actions;
  private final Outages outages;

  ContactCaseController(
      CaseIntake intake, ContactCases cases, ContactActions actions, Outages outages) {
    this.intake = intake;
    this.cases = cases;
    this.actions = actions;
    this.outages = outages;
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
    CaseIntake.Submitted submitted = intake.submitAs(me, submission, key);
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
  ContactCases.CaseList list(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer severity,
      @RequestParam(required = false) String product,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return cases.list(me, status, severity, product, page, size);
  }

  @GetMapping("/{caseNumber}")
  ContactCases.CaseView get(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber) {
    return cases.get(me, caseNumber);
  }

  @PostMapping("/{caseNumber}/messages")
  ResponseEntity<Void> reply(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody MessageRequest request) {
    cases.reply(me, caseNumber, request.text());
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).build();
  }

  @PostMapping("/{caseNumber}/confirm-resolution")
  ResponseEntity<Void> confirm(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber) {
    cases.confirmResolution(me, caseNumber);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/reopen")
  ResponseEntity<Void> reopen(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber,
      @RequestBody(required = false) ReopenRequest request) {
    cases.reopen(me, caseNumber, request == null ? null : request.reason());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/root-cause-analysis")
  ResponseEntity<Void> rootCauseAnalysis(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) Contact me,
      @PathVariable String caseNumber) {
    cases.requestRootCauseAnalysis(me, caseNumber);
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
    cases.setCc(me, caseNumber, request.cc());
    return ResponseEntity.noContent().build();
  }

  private void visible(Contact me, String caseNumber) {
    cases.visible(me, caseNumber);
  }
}
