package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.system.StaffAccess;
import io.caseops.system.StaffApiAuthentication;
import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.StaffAudience;
import io.caseops.system.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case as staff see it, with the whole conversation, the internal notes and the history beside
 * them (hand-offs between teams, escalations, outage links): where a task's briefing points when it
 * shows only the newest messages. Within the cases the caller reaches ({@link StaffCaseScope}).
 */
@RestController
@RequestMapping(StaffCaseController.PATH)
class StaffCaseController {

  static final String PATH = StaffApiAuthentication.PATH + "/cases";

  record Message(
      long id,
      String author,
      String authorKind,
      String visibility,
      Instant writtenAt,
      String text) {}

  record StaffCaseView(
      String caseNumber,
      String accountId,
      String plan,
      String product,
      String subject,
      String status,
      Integer severity,
      String severityReason,
      String candidateGroup,
      String responseTarget,
      Instant dueAt,
      String submitter,
      List<String> cc,
      Instant submittedAt,
      Instant closedAt,
      String relatedCase,
      List<Message> messages,
      List<CaseRecords.Event> history) {}

  record EscalationRequest(String reason) {}

  private final CaseRecords records;
  private final CaseEscalations escalations;
  private final StaffCaseScope scope;

  StaffCaseController(CaseRecords records, CaseEscalations escalations, StaffCaseScope scope) {
    this.records = records;
    this.escalations = escalations;
    this.scope = scope;
  }

  /** The case, if the caller reaches it; else, as for no case at all, 404. */
  private CaseRecord reached(StaffUser staff, String caseNumber) {
    return records
        .find(caseNumber)
        .filter(kase -> scope.reaches(staff, kase))
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  /**
   * An engineer escalates a case (Tasklist does the same with "Start process: Escalate a case").
   */
  @PostMapping("/{caseNumber}/escalation")
  @StaffAccess(StaffAudience.ESCALATORS)
  ResponseEntity<CaseEscalations.Escalation> escalate(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @PathVariable String caseNumber,
      @RequestBody(required = false) EscalationRequest request) {
    reached(staff, caseNumber);
    return ResponseEntity.accepted()
        .body(
            escalations.request(
                caseNumber,
                staff.id(),
                AuthorKind.STAFF,
                request == null ? null : request.reason()));
  }

  @GetMapping("/{caseNumber}")
  @StaffAccess(StaffAudience.CASE_STAFF)
  StaffCaseView get(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff, @PathVariable String caseNumber) {
    CaseRecord kase = reached(staff, caseNumber);
    return new StaffCaseView(
        kase.caseNumber(),
        kase.accountId(),
        kase.plan(),
        kase.product(),
        kase.subject(),
        kase.status().label(),
        kase.severity(),
        kase.severityReason(),
        kase.candidateGroup(),
        kase.responseTarget(),
        kase.dueAt(),
        kase.submitter(),
        records.cc(caseNumber),
        kase.submittedAt(),
        kase.closedAt(),
        kase.relatedCase(),
        records.messages(caseNumber).stream()
            .map(
                message ->
                    new Message(
                        message.id(),
                        message.author(),
                        message.authorKind().value(),
                        message.visibility().value(),
                        message.writtenAt(),
                        message.body()))
            .toList(),
        records.events(caseNumber));
  }
}
