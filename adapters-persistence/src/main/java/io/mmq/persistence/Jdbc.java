package io.mmq.persistence;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * The JDBC plumbing the repositories share: transactions that commit or roll back as a whole,
 * batched writes that name the entry that failed, streaming reads with a fetch size, and the
 * translation of {@link SQLException} into the core's exceptions ({@link SqlFailures}).
 */
final class Jdbc {
  /** Work done on a connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Sets a statement's parameters. */
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Sets a statement's parameters for one item of a batch. */
  interface ItemBinder<T> {
    void bind(PreparedStatement statement, T item) throws SQLException;
  }

  /** Reads the current row. */
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  static final Binder NO_PARAMETERS = statement -> {};

  private final DataSource dataSource;
  private final int fetchSize;
  private final int batchSize;

  Jdbc(DataSource dataSource, int fetchSize, int batchSize) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource is null");
    if (fetchSize < 1 || batchSize < 1) {
      throw new IllegalArgumentException("fetchSize and batchSize must be positive");
    }
    this.fetchSize = fetchSize;
    this.batchSize = batchSize;
  }

  int batchSize() {
    return batchSize;
  }

  /**
   * Runs the work in one transaction: committed when it returns, rolled back when it throws (any
   * exception; a runtime exception passes through as it is).
   */
  <T> T inTransaction(String action, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      boolean committed = false;
      try {
        T result = work.run(connection);
        connection.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollbackQuietly(connection);
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(action, e);
    }
  }

  /** Runs read-only work on a connection in auto-commit mode. */
  <T> T read(String action, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw SqlFailures.translate(action, e);
    }
  }

  <T> List<T> list(String action, String sql, Binder binder, RowReader<T> reader) {
    return read(action, connection -> list(connection, sql, binder, reader));
  }

  <T> Optional<T> one(String action, String sql, Binder binder, RowReader<T> reader) {
    return read(action, connection -> one(connection, sql, binder, reader));
  }

  long count(String action, String sql) {
    return one(action, sql, NO_PARAMETERS, row -> row.getLong(1)).orElse(0L);
  }

  static <T> List<T> list(Connection connection, String sql, Binder binder, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(reader.read(rows));
        }
        return result;
      }
    }
  }

  static <T> Optional<T> one(Connection connection, String sql, Binder binder, RowReader<T> reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
      }
    }
  }

  static int update(Connection connection, String sql, Binder binder) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    }
  }

  /**
   * Streams the rows of a query to the consumer without holding them all: a forward-only cursor
   * with the configured fetch size, inside a transaction (PostgreSQL uses a cursor only with auto
   * commit off) that is rolled back at the end. The connection is held while the consumer runs; an
   * exception from the consumer ends the stream and passes through as it is.
   */
  <T> void stream(
      String action, String sql, Binder binder, RowReader<T> reader, Consumer<? super T> consumer) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement =
          connection.prepareStatement(
              sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(fetchSize);
        binder.bind(statement);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            consumer.accept(reader.read(rows));
          }
        }
      } finally {
        rollbackQuietly(connection);
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(action, e);
    }
  }

  /**
   * Runs {@code sql} once per item, in JDBC batches of the configured size, on the caller's
   * connection (so inside its transaction).
   *
   * @param describe names the item at an index of {@code items} in error messages, e.g. {@code
   *     records[3] (resource a-4)}
   * @return the sum of the update counts
   * @throws IllegalArgumentException when an item cannot be bound, naming it
   * @throws RuntimeException from {@link SqlFailures#translateBatch} naming the entry that failed
   */
  <T> int batch(
      Connection connection,
      String action,
      String sql,
      List<T> items,
      ItemBinder<? super T> binder,
      IntFunction<String> describe)
      throws SQLException {
    int total = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int start = 0; start < items.size(); start += batchSize) {
        int end = Math.min(items.size(), start + batchSize);
        for (int i = start; i < end; i++) {
          try {
            binder.bind(statement, items.get(i));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                action
                    + ": "
                    + describe.apply(i)
                    + " cannot be stored: "
                    + e.getMessage()
                    + "; nothing was stored",
                e);
          }
          statement.addBatch();
        }
        int offset = start;
        try {
          for (int count : statement.executeBatch()) {
            total += Math.max(count, 0);
          }
        } catch (BatchUpdateException e) {
          throw SqlFailures.translateBatch(action, e, i -> describe.apply(offset + i));
        }
      }
    }
    return total;
  }

  /** Text for a column: PostgreSQL rejects NUL in text, so it becomes U+FFFD. */
  static String text(String value) {
    return value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
  }

  /** {@link #text} cut to at most {@code max} characters, for columns of bounded length. */
  static String text(String value, int max) {
    return text(value.length() <= max ? value : value.substring(0, max));
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken or already closed; the pool discards it
    }
  }
}
