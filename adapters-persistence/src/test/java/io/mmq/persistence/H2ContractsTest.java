package io.mmq.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository contracts on the embedded H2 file database, in a temporary directory. */
class H2ContractsTest extends JdbcContracts {
  @TempDir static Path directory;
  private static Database database;

  @BeforeAll
  static void open() {
    database = TestDatabases.h2(directory);
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
