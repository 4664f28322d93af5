package io.caseops.system;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turn the start-up failures an operator can fix into a short message with the fix, instead of a
 * stack trace. Registered in META-INF/spring.factories.
 */
public final class StartupFailureAnalyzers {

  private StartupFailureAnalyzers() {}

  public static final class FirstAdminPassword
      extends AbstractFailureAnalyzer<FirstAdminPasswordException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdminPasswordException cause) {
      return new FailureAnalysis(
          cause.getMessage()
              + ". Outside the demo profile CaseOps creates no user with a default password.",
          "Set the first administrator's password, at least 10 characters with upper and lower case, a digit and "
              + "a symbol, e.g. CASEOPS_STAFF_ADMIN_PASSWORD='<a strong password>' "
              + "(user id: CASEOPS_STAFF_ADMIN_ID, default 'admin'), or start with the demo profile to try CaseOps "
              + "with demo/demo. See docs/operations.md.",
          null);
    }
  }

  /**
   * SQL state class 08 is "connection exception": the database is down, unreachable or refuses us.
   */
  public static final class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
      if (cause.getSQLState() == null || !cause.getSQLState().startsWith("08")) {
        return null;
      }
      return new FailureAnalysis(
          "CaseOps cannot connect to its database: " + cause.getMessage(),
          "Check that the database server runs and that CASEOPS_DB_URL, CASEOPS_DB_USER and CASEOPS_DB_PASSWORD "
              + "point to it (postgres profile). See docs/operations.md.",
          null);
    }
  }
}
