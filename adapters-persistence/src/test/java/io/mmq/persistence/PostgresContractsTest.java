package io.mmq.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository contracts on a real PostgreSQL server ({@code MMQ_TEST_PG_URL}), in a schema of
 * their own. Skipped with a message when the variable is unset, failed when {@code
 * MMQ_REQUIRE_PG=true} and the server cannot be used.
 */
class PostgresContractsTest extends JdbcContracts {
  private static Database database;

  @BeforeAll
  static void open() {
    database = TestDatabases.postgres();
  }

  @AfterAll
  static void close() {
    TestDatabases.dispose(database);
  }

  @Override
  Database database() {
    return database;
  }
}
