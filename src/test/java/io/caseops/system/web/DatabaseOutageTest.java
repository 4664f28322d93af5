package io.caseops.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** What counts as "the database cannot be reached" (503) rather than a bug (500). */
class DatabaseOutageTest {

  @Test
  void aConnectionErrorIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("down", "08006"))))
        .isTrue();
  }

  /** Seen in DatabaseOutagePostgresTest: the commit broke the connection, the rollback failed. */
  @Test
  void aRollbackThatFailsOnAClosedConnectionIsAnOutage() {
    assertThat(
            DatabaseOutage.causedBy(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .isTrue();
  }

  @Test
  void otherSqlErrorsAreNot() {
    assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("syntax", "42601"))))
        .isFalse();
    assertThat(
            DatabaseOutage.causedBy(
                new TransactionSystemException("Could not commit", new IllegalStateException())))
        .isFalse();
  }
}
