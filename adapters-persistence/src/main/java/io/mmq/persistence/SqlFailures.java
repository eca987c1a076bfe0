package io.mmq.persistence;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.StorageUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link SQLException} into the core's terms: "cannot reach the database" becomes {@link
 * StorageUnavailableException} (callers may retry later), a clash with a concurrent change becomes
 * {@link ConflictException}, anything else a {@link PersistenceException} naming the action.
 */
final class SqlFailures {
  /**
   * Besides SQLState class 08: PostgreSQL's admin shutdown, crash shutdown, cannot connect now and
   * too many connections; H2's database in use by another process, database closed, closing at
   * shutdown and connection broken.
   */
  private static final Set<String> UNAVAILABLE_STATES =
      Set.of("57P01", "57P02", "57P03", "53300", "90020", "90098", "90121", "90067");

  /** Unique violation, serialisation failure, deadlock. */
  private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01");

  private static final Pattern BATCH_ENTRY = Pattern.compile("^Batch entry (\\d+) ");

  private SqlFailures() {}

  static RuntimeException translate(String action, SQLException e) {
    if (isUnavailable(e)) {
      return new StorageUnavailableException(
          "database unavailable while " + action + ": " + describe(e), e);
    }
    if (e.getSQLState() != null && CONFLICT_STATES.contains(e.getSQLState())) {
      return new ConflictException(
          action + " conflicted with a concurrent change; retry: " + describe(e), e);
    }
    return new PersistenceException(action + " failed: " + describe(e), e);
  }

  /**
   * A batch failure: names the failing entry ({@code entry} describes the entry at an index of the
   * batch) and says that nothing was stored.
   */
  static RuntimeException translateBatch(
      String action, BatchUpdateException e, IntFunction<String> entry) {
    if (isUnavailable(e)) {
      return translate(action, e);
    }
    int failed = firstFailed(e);
    String where = failed < 0 ? "an entry of a batch" : entry.apply(failed);
    String state =
        e.getNextException() != null ? e.getNextException().getSQLState() : e.getSQLState();
    if (state != null && CONFLICT_STATES.contains(state)) {
      return new ConflictException(
          action + " conflicted with a concurrent change at " + where + "; retry: " + describe(e),
          e);
    }
    return new PersistenceException(
        action + " failed at " + where + ": " + describe(e) + "; nothing was stored", e);
  }

  static boolean isUnavailable(SQLException e) {
    return isUnavailable(e, 0);
  }

  private static boolean isUnavailable(Throwable t, int depth) {
    if (t == null || depth > 8) {
      return false;
    }
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException) {
      return true;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
        return true;
      }
      if (sql.getNextException() != null && isUnavailable(sql.getNextException(), depth + 1)) {
        return true;
      }
    }
    return t.getCause() != t && isUnavailable(t.getCause(), depth + 1);
  }

  /**
   * The index within the batch of the entry that failed; -1 when the driver won't say. PostgreSQL
   * marks every entry of a failed batch in a transaction as failed and names the failing one in its
   * message ("Batch entry 537 ..."; the driver's English text); H2 marks only the failing ones.
   */
  private static int firstFailed(BatchUpdateException e) {
    Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
    if (entry.find()) {
      return Integer.parseInt(entry.group(1));
    }
    int[] counts = e.getUpdateCounts();
    if (counts == null) {
      return -1;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.EXECUTE_FAILED) {
        return i;
      }
    }
    return -1;
  }

  /** The most specific message: a batch's own message is generic, the chained one says why. */
  private static String describe(SQLException e) {
    SQLException cause = e;
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      cause = e.getNextException();
    }
    String message = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    return message + " (SQLState " + cause.getSQLState() + ")";
  }
}
