package io.caseops.cases;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The idempotency keys of submissions ({@code case_submission}): a retried submission finds its
 * first case.
 */
@Repository
class CaseSubmissions {

  private final JdbcTemplate jdbc;

  CaseSubmissions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The case a submitter's earlier submission with this key opened. */
  Optional<String> caseOf(String submitter, String idempotencyKey) {
    return jdbc
        .queryForList(
            "select case_number from case_submission where submitter = ? and idempotency_key = ?",
            String.class,
            submitter,
            idempotencyKey)
        .stream()
        .findFirst();
  }

  /**
   * Remembers the key; a second submission with it at the same instant fails on the primary key and
   * rolls back.
   */
  void remember(String submitter, String idempotencyKey, String caseNumber, Instant at) {
    jdbc.update(
        "insert into case_submission (submitter, idempotency_key, case_number, created_at) "
            + "values (?, ?, ?, ?)",
        submitter,
        idempotencyKey,
        caseNumber,
        CaseRecords.ts(at));
  }
}
