package io.mmq.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import io.mmq.core.common.StorageUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on: an H2 file database in a temporary directory, and the PostgreSQL
 * server named by {@code MMQ_TEST_PG_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:55432/mmq}; user
 * and password from {@code MMQ_TEST_PG_USER} and {@code MMQ_TEST_PG_PASSWORD}, default
 * postgres/postgres), in a schema of its own that is dropped afterwards. Without that variable the
 * PostgreSQL tests are skipped with a message, unless {@code MMQ_REQUIRE_PG=true}, which makes a
 * missing or unreachable server a failure (CI sets both).
 */
final class TestDatabases {
  static final String PG_URL = "MMQ_TEST_PG_URL";
  static final String REQUIRE_PG = "MMQ_REQUIRE_PG";

  /** Children first, so that deleting in this order never trips a foreign key. */
  private static final List<String> TABLES =
      List.of(
          "labels",
          "label_windows",
          "model_artifact_chunks",
          "model_tasks",
          "models",
          "validation_run_tasks",
          "validation_runs",
          "training_jobs",
          "engagements",
          "resources",
          "task_set_tasks",
          "schedule_state");

  private TestDatabases() {}

  static Database h2(Path directory) {
    return Database.open(DatabaseConfig.embedded(directory).withPoolSize(4));
  }

  static boolean postgresRequired() {
    return "true".equalsIgnoreCase(System.getenv(REQUIRE_PG));
  }

  /** The PostgreSQL test configuration in a fresh schema, or the test is skipped (or fails). */
  static DatabaseConfig postgresConfig() {
    String url = System.getenv(PG_URL);
    if (url == null || url.isBlank()) {
      String message =
          "PostgreSQL tests skipped: set "
              + PG_URL
              + " (e.g. jdbc:postgresql://127.0.0.1:55432/mmq;"
              + " start a server with .ci/pg-start.sh)";
      if (postgresRequired()) {
        fail(REQUIRE_PG + "=true but " + PG_URL + " is not set");
      }
      System.err.println(message);
      Assumptions.abort(message);
    }
    String user = System.getenv().getOrDefault("MMQ_TEST_PG_USER", "postgres");
    String password = System.getenv().getOrDefault("MMQ_TEST_PG_PASSWORD", "postgres");
    String schema =
        "mmq_test_"
            + ProcessHandle.current().pid()
            + "_"
            + ThreadLocalRandom.current().nextInt(1_000_000);
    return DatabaseConfig.of(url, user, password)
        .withPoolSize(4)
        .withConnectionTimeout(Duration.ofSeconds(5))
        .withSchema(schema);
  }

  /** Opens PostgreSQL in a fresh schema, or skips (or fails) when the server is not reachable. */
  static Database postgres() {
    DatabaseConfig config = postgresConfig();
    try {
      return Database.open(config);
    } catch (StorageUnavailableException e) {
      if (postgresRequired()) {
        throw new AssertionError(
            REQUIRE_PG + "=true but PostgreSQL is not reachable: " + e.getMessage(), e);
      }
      String message = "PostgreSQL tests skipped: " + e.getMessage();
      System.err.println(message);
      Assumptions.abort(message);
      throw e;
    }
  }

  /** Closes the database; on PostgreSQL first drops the test's schema. */
  static void dispose(Database database) {
    if (database == null) {
      return;
    }
    try {
      database
          .config()
          .schema()
          .ifPresent(
              schema -> execute(database.dataSource(), "DROP SCHEMA " + schema + " CASCADE"));
    } finally {
      database.close();
    }
  }

  /** Empties every table. */
  static void clear(DataSource dataSource) {
    for (String table : TABLES) {
      execute(dataSource, "DELETE FROM " + table);
    }
  }

  /** Runs one statement with the given parameters (byte arrays bound as binary). */
  static void execute(DataSource dataSource, String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof byte[] bytes) {
          statement.setBytes(i + 1, bytes);
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
