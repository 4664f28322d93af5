package io.caseops.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure because the database could not be reached (it restarts, the network dropped, the pool
 * found no connection in time), told apart from a failure of CaseOps: the API answers 503 with
 * {@code Retry-After}, the transaction was rolled back, and the client may try again (with its
 * {@code Idempotency-Key}, a submission is not made twice).
 */
public final class DatabaseOutage {

  /** Seconds a client should wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 5;

  static final String DETAIL =
      "CaseOps cannot reach its database just now, and nothing of this request was saved: try again"
          + " in a few seconds (a submission with the same Idempotency-Key is made once).";

  /** How Spring's DataSourceTransactionManager words a failed rollback. */
  static final String ROLLBACK_FAILED = "JDBC rollback failed";

  private DatabaseOutage() {}

  /** Whether {@code failure}, or any cause of it, says the database could not be reached. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof CannotGetJdbcConnectionException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException) {
        return true;
      }
      // The rollback failed too (the connection is gone): what failed first tells.
      if (cause instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && causedBy(rollback.getApplicationException())) {
        return true;
      }
      // A commit that failed on a broken connection is rolled back on it, and Spring throws the
      // rollback's failure alone: Hikari's "Connection is closed", with no SQL state. A rollback
      // fails only on a connection that is gone.
      if (cause instanceof TransactionSystemException failed
          && failed.getMessage() != null
          && failed.getMessage().startsWith(ROLLBACK_FAILED)
          && failed.getCause() instanceof SQLException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exception; 57P01..57P03: the server shuts down or is starting up.
        if (state.startsWith("08") || state.matches("57P0[123]")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Answers 503 with {@code Retry-After}, from a filter. */
  static void answer(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    RequestFilters.refuse(response, 503, "Service unavailable", DETAIL, null, null, Map.of());
  }
}
