package io.caseops.cases;

import io.caseops.cases.CaseRecords.CaseRecord;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.Api;
import io.caseops.system.EngineClock;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A named contact's cases, as the contact API and the portal both show them: the same visibility
 * rule (a case the contact may not see does not exist: 404), the same checks of a list's filters,
 * the public conversation only, and the contact's actions on a case.
 */
@Api
@Service
public class ContactCases {

  public static final int MAX_PAGE_SIZE = 100;

  @Api
  public record CaseSummary(
      String caseNumber,
      String subject,
      String product,
      String status,
      Integer severity,
      String responseTarget,
      Instant dueAt,
      Instant submittedAt,
      String submitter) {}

  /** A public message; staff messages are signed "CaseOps Support". */
  @Api
  public record Message(String author, String authorKind, Instant writtenAt, String text) {}

  /**
   * The SLA of the first response ({@link FirstResponse}): "pending", "at-risk" (pending, past its
   * 75 % warning), "met", "breached" (answered late, or still open past due) or "none" (no target,
   * or closed before due unanswered).
   */
  @Api
  public record Sla(String outcome, Instant dueAt, Instant respondedAt) {}

  @Api
  public record CaseView(
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

  /**
   * What the contact may do with a case, by the actions' own rules: {@code manages} (its submitter
   * or an administrator of its account: reopen, RCA, CC, escalate); {@code reopen} within the
   * window; {@code followUp}: closed and past the window, so a new case related to it; {@code
   * rootCauseAnalysis}: Sev 1 on a plan that includes it, not yet requested; {@code cc} on plans
   * with CC contacts.
   */
  @Api
  public record Choices(
      boolean manages,
      boolean reopen,
      boolean followUp,
      boolean rootCauseAnalysis,
      Instant rcaRequestedAt,
      boolean cc) {}

  @Api
  public record CaseList(List<CaseSummary> cases, int page, int size, long total) {}

  private final ContactActions actions;
  private final CaseQueries queries;
  private final CaseRecords records;
  private final CaseModels models;
  private final NamedParameterJdbcTemplate jdbc;
  private final EngineClock clock;

  ContactCases(
      ContactActions actions,
      CaseQueries queries,
      CaseRecords records,
      CaseModels models,
      NamedParameterJdbcTemplate jdbc,
      EngineClock clock) {
    this.actions = actions;
    this.queries = queries;
    this.records = records;
    this.models = models;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One page of the contact's cases, newest first; a bad filter names its parameter. */
  public CaseList list(
      Contact me, String status, Integer severity, String product, int page, int size) {
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
        found.cases().stream().map(ContactCases::summary).toList(), page, size, found.total());
  }

  /** A case the contact may see, with its public conversation; else 404. */
  public CaseView get(Contact me, String caseNumber) {
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

  /** The first-response SLA of each listed case, in one query: for the portal's list. */
  public Map<String, Sla> slaStates(List<CaseSummary> cases) {
    if (cases.isEmpty()) {
      return Collections.emptyMap();
    }
    Instant now = clock.instant();
    Map<String, Sla> states = new HashMap<>();
    jdbc.query(
        "select c.case_number, c.warning_at, c.due_at, c.closed_at, r.due_at as answered_due,"
            + " r.responded_at, r.met from support_case c"
            + " left join sla_record r on r.case_number = c.case_number"
            + " where c.case_number in (:numbers)",
        new MapSqlParameterSource("numbers", cases.stream().map(CaseSummary::caseNumber).toList()),
        rs -> {
          Object met = rs.getObject("met");
          states.put(
              rs.getString("case_number"),
              sla(
                  instant(rs.getTimestamp("answered_due"), rs.getTimestamp("due_at")),
                  instant(rs.getTimestamp("warning_at"), null),
                  instant(rs.getTimestamp("responded_at"), null),
                  met == null ? null : rs.getBoolean("met"),
                  instant(rs.getTimestamp("closed_at"), null),
                  now));
        });
    return states;
  }

  /** What the contact may do with a case they see; else 404. */
  public Choices choices(Contact me, String caseNumber) {
    return actions.choices(visible(me, caseNumber), me);
  }

  public void requestRootCauseAnalysis(Contact me, String caseNumber) {
    visible(me, caseNumber);
    actions.requestRootCauseAnalysis(caseNumber, me.email());
  }

  public void setCc(Contact me, String caseNumber, List<String> cc) {
    visible(me, caseNumber);
    actions.setCc(caseNumber, me, cc);
  }

  public void reply(Contact me, String caseNumber, String text) {
    visible(me, caseNumber);
    actions.reply(caseNumber, me.email(), text);
  }

  public void confirmResolution(Contact me, String caseNumber) {
    visible(me, caseNumber);
    actions.confirmResolution(caseNumber, me.email());
  }

  public void reopen(Contact me, String caseNumber, String reason) {
    visible(me, caseNumber);
    actions.reopen(caseNumber, me.email(), reason);
  }

  CaseRecord visible(Contact me, String caseNumber) {
    return queries
        .visible(me, caseNumber)
        .orElseThrow(() -> new NotFoundException("no case " + caseNumber));
  }

  private Sla sla(CaseRecord kase) {
    var record = records.sla(kase.caseNumber());
    return sla(
        record.map(CaseRecords.SlaRecord::dueAt).orElse(kase.dueAt()),
        kase.warningAt(),
        record.map(CaseRecords.SlaRecord::respondedAt).orElse(null),
        record.map(CaseRecords.SlaRecord::met).orElse(null),
        kase.closedAt(),
        clock.instant());
  }

  /** The due instant is the one the response was measured against, once there is one. */
  private static Sla sla(
      Instant dueAt,
      Instant warningAt,
      Instant respondedAt,
      Boolean met,
      Instant closedAt,
      Instant now) {
    FirstResponse outcome = FirstResponse.of(dueAt, respondedAt, met, closedAt, now);
    return new Sla(outcome.label(warningAt, now), dueAt, respondedAt);
  }

  private static Instant instant(Timestamp value, Timestamp otherwise) {
    Timestamp chosen = value != null ? value : otherwise;
    return chosen == null ? null : chosen.toInstant();
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
    return Arrays.stream(CaseStatus.values()).map(CaseStatus::label).toList();
  }
}
