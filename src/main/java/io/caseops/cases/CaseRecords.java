package io.caseops.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case read model (V3__cases.sql): cases, their conversation, SLA records and severity changes.
 * Called inside the engine's transaction by CaseService and the delegates, so the rows commit with
 * the process state.
 */
@Repository
class CaseRecords {

  /** One case as the read model holds it. */
  public record CaseRecord(
      String caseNumber,
      String accountId,
      String product,
      String submitter,
      String subject,
      String description,
      CaseStatus status,
      Integer severity,
      Integer proposedSeverity,
      String severityReason,
      String plan,
      String region,
      String language,
      String candidateGroup,
      String responseTarget,
      Instant warningAt,
      Instant dueAt,
      String rejection,
      String relatedCase,
      Instant rcaRequestedAt,
      Instant criticalSituationAt,
      Instant submittedAt,
      Instant statusSince,
      Instant closedAt) {

    /**
     * Whether a case at this severity opens a critical situation: Sev 1, none open yet, plan
     * manages them.
     */
    boolean opensCriticalSituation(int severity, boolean planManagesThem) {
      return severity == 1 && criticalSituationAt == null && planManagesThem;
    }
  }

  /** One message of the conversation. */
  public record Message(
      long id,
      String author,
      AuthorKind authorKind,
      MessageVisibility visibility,
      String body,
      Instant writtenAt) {
    public boolean isPublic() {
      return visibility == MessageVisibility.PUBLIC;
    }
  }

  /**
   * One entry of the case's history beside the conversation (hand-offs, escalations, outage links).
   *
   * @param actor staff user id or contact e-mail; null when CaseOps itself acted
   */
  public record Event(String kind, String actor, String detail, Instant happenedAt) {}

  /** The initial-response SLA of a case. */
  public record SlaRecord(
      String target,
      String clock,
      String coverage,
      Instant dueAt,
      Instant respondedAt,
      String respondedBy,
      boolean met) {}

  private final JdbcTemplate jdbc;

  CaseRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next case number of the year, e.g. CASE-2026-000123, in a transaction of its own: the
   * counter row is locked only for these statements, not for the whole intake that follows, which
   * would make every submission wait for the one before (intake ran at 11 cases/s on 2 cores, all
   * of it queued here). A submission that fails after numbering leaves a gap, never a duplicate.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public String nextCaseNumber(int year) {
    if (jdbc.update(
            "update case_number_counter set last_no = last_no + 1 where counter_year = ?", year)
        == 0) {
      jdbc.update("insert into case_number_counter (counter_year, last_no) values (?, 1)", year);
    }
    Integer number =
        jdbc.queryForObject(
            "select last_no from case_number_counter where counter_year = ?", Integer.class, year);
    return "CASE-%d-%06d".formatted(year, number);
  }

  void insert(
      String caseNumber,
      String product,
      String submitter,
      String subject,
      String description,
      Integer proposedSeverity,
      String relatedCase,
      Instant now) {
    jdbc.update(
        "insert into support_case (case_number, product_id, submitter, subject, description, status, "
            + "proposed_severity, related_case, submitted_at, status_since) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseNumber,
        product,
        submitter,
        subject,
        description,
        CaseStatus.NEW.label(),
        proposedSeverity,
        relatedCase,
        ts(now),
        ts(now));
  }

  void addCc(String caseNumber, List<String> emails) {
    for (String email : emails) {
      jdbc.update("insert into case_cc (case_number, email) values (?, ?)", caseNumber, email);
    }
  }

  void replaceCc(String caseNumber, List<String> emails) {
    jdbc.update("delete from case_cc where case_number = ?", caseNumber);
    addCc(caseNumber, emails);
  }

  void removeFromEveryCc(String email) {
    jdbc.update("delete from case_cc where email = ?", email);
  }

  public List<String> cc(String caseNumber) {
    return jdbc.queryForList(
        "select email from case_cc where case_number = ? order by email", String.class, caseNumber);
  }

  void entitled(String caseNumber, String accountId, String plan, String region, String language) {
    jdbc.update(
        "update support_case set account_id = ?, plan = ?, region = ?, language = ? where case_number = ?",
        accountId,
        plan,
        region,
        language,
        caseNumber);
  }

  void rejected(String caseNumber, String rejection, Instant now) {
    jdbc.update(
        "update support_case set status = ?, rejection = ?, status_since = ?, closed_at = ? "
            + "where case_number = ?",
        CaseStatus.REJECTED.label(),
        rejection,
        ts(now),
        ts(now),
        caseNumber);
  }

  void scheduled(
      String caseNumber,
      int severity,
      String severityReason,
      String candidateGroup,
      String target,
      Instant warningAt,
      Instant dueAt) {
    jdbc.update(
        "update support_case set severity = ?, severity_reason = ?, candidate_group = ?, "
            + "response_target = ?, warning_at = ?, due_at = ? where case_number = ?",
        severity,
        severityReason,
        candidateGroup,
        target,
        ts(warningAt),
        ts(dueAt),
        caseNumber);
  }

  void status(String caseNumber, CaseStatus status, Instant now) {
    boolean closing = status == CaseStatus.CLOSED;
    jdbc.update(
        "update support_case set status = ?, status_since = ?, closed_at = "
            + (closing ? "?" : "null")
            + " where case_number = ?",
        closing
            ? new Object[] {status.label(), ts(now), ts(now), caseNumber}
            : new Object[] {status.label(), ts(now), caseNumber});
  }

  void criticalSituationOpened(String caseNumber, Instant now) {
    jdbc.update(
        "update support_case set critical_situation_at = ? where case_number = ?",
        ts(now),
        caseNumber);
  }

  void rcaRequested(String caseNumber, Instant now) {
    jdbc.update(
        "update support_case set rca_requested_at = ? where case_number = ?", ts(now), caseNumber);
  }

  /** Whether the case was severity 1 at any time: at intake, now, or between reclassifications. */
  boolean everSeverityOne(CaseRecord kase) {
    return Integer.valueOf(1).equals(kase.severity())
        || jdbc.queryForObject(
                "select count(*) from severity_change where case_number = ?"
                    + " and (from_severity = 1 or to_severity = 1)",
                Integer.class,
                kase.caseNumber())
            > 0;
  }

  /** The team that holds the case now (after a reclassification). */
  void team(String caseNumber, String candidateGroup) {
    jdbc.update(
        "update support_case set candidate_group = ? where case_number = ?",
        candidateGroup,
        caseNumber);
  }

  void reclassified(String caseNumber, int from, int to, String reason, String by, Instant now) {
    jdbc.update(
        "insert into severity_change (case_number, from_severity, to_severity, reason, changed_by, changed_at) "
            + "values (?, ?, ?, ?, ?, ?)",
        caseNumber,
        from,
        to,
        reason,
        by,
        ts(now));
    jdbc.update(
        "update support_case set severity = ?, severity_reason = ? where case_number = ?",
        to,
        "reclassified by " + by + ": " + reason,
        caseNumber);
  }

  /** Adds a message to the conversation; returns its id. */
  long addMessage(
      String caseNumber,
      String author,
      AuthorKind authorKind,
      MessageVisibility visibility,
      String body,
      Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into case_message "
                      + "(case_number, author, author_kind, visibility, body, written_at) values (?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, caseNumber);
          insert.setString(2, author);
          insert.setString(3, authorKind.value());
          insert.setString(4, visibility.value());
          insert.setString(5, body);
          insert.setTimestamp(6, ts(now));
          return insert;
        },
        key);
    return key.getKey().longValue();
  }

  /** Records the first response against the target; a later response leaves the record as it is. */
  boolean recordFirstResponse(
      String caseNumber,
      String target,
      String clock,
      String coverage,
      Instant dueAt,
      Instant respondedAt,
      String respondedBy) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from sla_record where case_number = ?", Integer.class, caseNumber);
    if (existing != null && existing > 0) {
      return false;
    }
    jdbc.update(
        "insert into sla_record (case_number, target, clock, coverage, due_at, responded_at, responded_by, met) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)",
        caseNumber,
        target,
        clock,
        coverage,
        ts(dueAt),
        ts(respondedAt),
        respondedBy,
        !respondedAt.isAfter(dueAt));
    return true;
  }

  /**
   * The case, with its row locked until commit. Every step that changes a case takes this lock
   * first: contact actions, the engineer's completion and the steps its timers run. So two of them
   * on one case run one after the other, and the second sees what the first did instead of failing
   * on the engine's optimistic lock.
   */
  Optional<CaseRecord> lock(String caseNumber) {
    return jdbc
        .query(
            "select * from support_case where case_number = ? for update",
            CaseRecords::caseRecord,
            caseNumber)
        .stream()
        .findFirst();
  }

  public Optional<CaseRecord> find(String caseNumber) {
    return jdbc
        .query(
            "select * from support_case where case_number = ?", CaseRecords::caseRecord, caseNumber)
        .stream()
        .findFirst();
  }

  /** The cases opened as follow-ups of this one ({@code relatedCase}). */
  List<CaseRecord> followUpsOf(String caseNumber) {
    return jdbc.query(
        "select * from support_case where related_case = ?", CaseRecords::caseRecord, caseNumber);
  }

  public CaseRecord get(String caseNumber) {
    return find(caseNumber).orElseThrow(() -> new IllegalStateException("no case " + caseNumber));
  }

  public List<Message> messages(String caseNumber) {
    return jdbc.query(
        "select id, author, author_kind, visibility, body, written_at from case_message "
            + "where case_number = ? order by written_at, id",
        (rs, row) ->
            new Message(
                rs.getLong(1),
                rs.getString(2),
                ModelValue.of(AuthorKind.class, rs.getString(3)),
                ModelValue.of(MessageVisibility.class, rs.getString(4)),
                rs.getString(5),
                instant(rs, 6)),
        caseNumber);
  }

  /** Records an entry of the case's history (kind: see {@code case_event_kind} in V7). */
  void event(String caseNumber, String kind, String actor, String detail, Instant now) {
    jdbc.update(
        "insert into case_event (case_number, kind, actor, detail, happened_at) values (?, ?, ?, ?, ?)",
        caseNumber,
        kind,
        actor,
        detail,
        ts(now));
  }

  /** Whether the case is linked to an outage that has not ended. */
  boolean inActiveOutage(String caseNumber) {
    Integer linked =
        jdbc.queryForObject(
            "select count(*) from outage_case l join outage o on o.id = l.outage_id "
                + "where l.case_number = ? and o.ended_at is null",
            Integer.class,
            caseNumber);
    return linked != null && linked > 0;
  }

  public List<Event> events(String caseNumber) {
    return jdbc.query(
        "select kind, actor, detail, happened_at from case_event where case_number = ? "
            + "order by happened_at, id",
        (rs, row) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
        caseNumber);
  }

  public Optional<SlaRecord> sla(String caseNumber) {
    return jdbc
        .query(
            "select target, clock, coverage, due_at, responded_at, responded_by, met from sla_record "
                + "where case_number = ?",
            (rs, row) ->
                new SlaRecord(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    instant(rs, 4),
                    instant(rs, 5),
                    rs.getString(6),
                    rs.getBoolean(7)),
            caseNumber)
        .stream()
        .findFirst();
  }

  /** Maps a {@code support_case} row (all columns). */
  static CaseRecord caseRecord(ResultSet rs, int row) throws SQLException {
    return new CaseRecord(
        rs.getString("case_number"),
        rs.getString("account_id"),
        rs.getString("product_id"),
        rs.getString("submitter"),
        rs.getString("subject"),
        rs.getString("description"),
        CaseStatus.of(rs.getString("status")),
        (Integer) rs.getObject("severity", Integer.class),
        rs.getObject("proposed_severity", Integer.class),
        rs.getString("severity_reason"),
        rs.getString("plan"),
        rs.getString("region"),
        rs.getString("language"),
        rs.getString("candidate_group"),
        rs.getString("response_target"),
        instant(rs, "warning_at"),
        instant(rs, "due_at"),
        rs.getString("rejection"),
        rs.getString("related_case"),
        instant(rs, "rca_requested_at"),
        instant(rs, "critical_situation_at"),
        instant(rs, "submitted_at"),
        instant(rs, "status_since"),
        instant(rs, "closed_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
