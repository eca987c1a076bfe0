package io.mmq.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.StorageUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

  @Test
  void connectionFailuresMeanTheStorageIsUnavailable() {
    assertThat(SqlFailures.translate("reading", new SQLException("refused", "08001")))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessage("database unavailable while reading: refused (SQLState 08001)");
    assertThat(
            SqlFailures.translate("reading", new SQLException("terminating connection", "57P01")))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(
            SqlFailures.translate(
                "reading",
                new SQLTransientConnectionException(
                    "mmq-db - Connection is not available, request timed out after 1000ms")))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(
            SqlFailures.translate(
                "reading",
                new SQLException("wrapper", "XX000", new SQLException("broken pipe", "08006"))))
        .isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void clashesWithConcurrentChangesAreConflicts() {
    assertThat(SqlFailures.translate("saving job j-1", new SQLException("duplicate key", "23505")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("saving job j-1 conflicted with a concurrent change; retry");
    assertThat(SqlFailures.translate("saving", new SQLException("could not serialize", "40001")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void anythingElseIsAPersistenceExceptionNamingTheAction() {
    assertThat(
            SqlFailures.translate(
                "listing models", new SQLException("relation \"models\" does not exist", "42P01")))
        .isInstanceOf(PersistenceException.class)
        .hasMessage("listing models failed: relation \"models\" does not exist (SQLState 42P01)");
  }

  @Test
  void aBatchFailureNamesTheEntryFromPostgresMessageOrFromTheUpdateCounts() {
    BatchUpdateException postgres =
        new BatchUpdateException(
            "Batch entry 537 MERGE INTO ... was aborted: ERROR: violates check constraint",
            "23514",
            0,
            new int[] {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED},
            null);
    postgres.setNextException(new SQLException("ERROR: violates check constraint \"c\"", "23514"));
    BatchUpdateException h2 =
        new BatchUpdateException(
            "batch failed", "23513", 0, new int[] {1, 1, Statement.EXECUTE_FAILED, 1}, null);

    assertThat(SqlFailures.translateBatch("storing", postgres, i -> "records[" + (1000 + i) + "]"))
        .isInstanceOf(PersistenceException.class)
        .hasMessage(
            "storing failed at records[1537]: ERROR: violates check constraint \"c\" (SQLState"
                + " 23514); nothing was stored");
    assertThat(SqlFailures.translateBatch("storing", h2, i -> "records[" + i + "]"))
        .hasMessageStartingWith("storing failed at records[2]: batch failed");
    assertThat(
            SqlFailures.translateBatch(
                "storing",
                new BatchUpdateException("duplicate key", "23505", 0, new int[] {-3}, null),
                i -> "resources[" + i + "]"))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith(
            "storing conflicted with a concurrent change at resources[0]; retry");
  }
}
