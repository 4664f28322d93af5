package io.caseops.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL database of this test run, on a real server.
 *
 * <ul>
 *   <li>{@code CASEOPS_TEST_POSTGRES_URL} set (CI creates a fresh database with createdb): that
 *       database.
 *   <li>Otherwise a fresh database {@code caseops_test_<random>} is created on 127.0.0.1:5432 and
 *       dropped when the test JVM exits.
 * </ul>
 *
 * As a JUnit condition: the tests are skipped, with the reason, when no server answers, except in
 * CI ({@code CI=true}), where an unreachable server fails them.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

  private static final String SERVER =
      env("CASEOPS_TEST_POSTGRES_SERVER", "jdbc:postgresql://127.0.0.1:5432/");
  private static final String USER = env("CASEOPS_TEST_POSTGRES_USER", "postgres");
  private static final String PASSWORD = env("CASEOPS_TEST_POSTGRES_PASSWORD", "");
  private static final String START_HINT =
      "start it with: pg_ctlcluster --skip-systemctl-redirect "
          + "$(ls /etc/postgresql) main start";

  private static String url;

  /** The JDBC URL of this run's database, created on first use. */
  public static synchronized String url() {
    if (url == null) {
      String given = System.getenv("CASEOPS_TEST_POSTGRES_URL");
      url = given != null && !given.isBlank() ? given : createFreshDatabase();
    }
    return url;
  }

  /** Points a Spring test's DataSource at this run's database ({@link CaseOpsPostgresTest}). */
  public static final class Initializer
      implements org.springframework.context.ApplicationContextInitializer<
          org.springframework.context.ConfigurableApplicationContext> {
    @Override
    public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
      org.springframework.boot.test.util.TestPropertyValues.of(
              "spring.datasource.url=" + url(),
              "spring.datasource.username=" + USER,
              "spring.datasource.password=" + PASSWORD)
          .applyTo(context);
    }
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String given = System.getenv("CASEOPS_TEST_POSTGRES_URL");
    String probe = given != null && !given.isBlank() ? given : SERVER + "postgres";
    try (Connection ignored = DriverManager.getConnection(probe, USER, PASSWORD)) {
      return ConditionEvaluationResult.enabled("PostgreSQL answers at " + probe);
    } catch (SQLException e) {
      String reason =
          "PostgreSQL is not reachable at " + probe + " (" + e.getMessage() + "); " + START_HINT;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI must run the PostgreSQL tests, but " + reason, e);
      }
      System.err.println("SKIPPED PostgreSQL tests: " + reason);
      return ConditionEvaluationResult.disabled(reason);
    }
  }

  /**
   * A database of its own on the same server, dropped when the test JVM exits: for a test that runs
   * a CaseOps of its own beside the shared one.
   */
  public static String fresh() {
    return createFreshDatabase();
  }

  private static String createFreshDatabase() {
    String name = "caseops_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("create database " + name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> execute("drop database if exists " + name + " with (force)")));
    return SERVER + name;
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL: " + sql + " failed: " + e.getMessage() + "; " + START_HINT, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
