package io.caseops.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time run its start-up work on a shared PostgreSQL database: the engine's
 * schema, the staff groups, grants, filters and first administrator, and the demo data are all
 * check-then-insert, so two nodes starting together on an empty database would otherwise race (a
 * failed start, or two copies of a Tasklist filter). A PostgreSQL session-level advisory lock,
 * released when its holder is done or its connection closes (a node that dies holds it no longer).
 * On H2 a file database has one process only: nothing to lock.
 */
@Component
public class StartupLock {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  /** The advisory lock's key: "CaseOps" in ASCII. */
  private static final long KEY = 0x436173654f7073L;

  private static final Duration PATIENCE = Duration.ofMinutes(5);

  /** Held while the work runs; closing it lets the next node go. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  private final DataSource dataSource;

  public StartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Waits until no other node holds the lock (at most 5 minutes), then holds it. */
  public Held hold(String work) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        connection.close();
        return () -> {};
      }
      connection.setAutoCommit(true);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      boolean waited = false;
      // Tried rather than awaited: the pool's lock_timeout would cut a plain wait short.
      while (!tryLock(connection)) {
        if (!waited) {
          LOG.info("Another node is starting on this database: waiting to run {}", work);
          waited = true;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Another node held the start-up lock for more than " + PATIENCE + ": " + work);
        }
        Thread.sleep(250);
      }
      Connection held = connection;
      return () -> release(held);
    } catch (SQLException e) {
      close(connection);
      throw new IllegalStateException("Could not take the start-up lock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      close(connection);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      try (ResultSet result = lock.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void release(Connection connection) {
    try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, KEY);
      unlock.execute();
      close(connection);
    } catch (SQLException e) {
      LOG.warn(
          "Could not release the start-up lock; it goes with its connection: {}", e.getMessage());
      try {
        // Not back to the pool still holding the lock: closed for good.
        connection.abort(Runnable::run);
      } catch (SQLException ignored) {
        close(connection);
      }
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
