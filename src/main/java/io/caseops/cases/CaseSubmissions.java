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

  /** What a submitter's earlier submission with this key opened, and what it asked for. */
  record First(String caseNumber, String requestDigest) {}

  /** The case a submitter's earlier submission with this key opened. */
  Optional<First> caseOf(String submitter, String idempotencyKey) {
    return jdbc
        .query(
            "select case_number, request_digest from case_submission"
                + " where submitter = ? and idempotency_key = ?",
            (row, n) -> new First(row.getString(1), row.getString(2)),
            submitter,
            idempotencyKey)
        .stream()
        .findFirst();
  }

  /**
   * Remembers the key with a digest of the request; a second submission with it at the same instant
   * fails on the primary key and rolls back.
   */
  void remember(
      String submitter,
      String idempotencyKey,
      String requestDigest,
      String caseNumber,
      Instant at) {
    jdbc.update(
        "insert into case_submission"
            + " (submitter, idempotency_key, request_digest, case_number, created_at)"
            + " values (?, ?, ?, ?, ?)",
        submitter,
        idempotencyKey,
        requestDigest,
        caseNumber,
        CaseRecords.ts(at));
  }

  /** The digest of a submission: equal requests, equal digests. */
  static String digest(Object request) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(
                      String.valueOf(request).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }
}
