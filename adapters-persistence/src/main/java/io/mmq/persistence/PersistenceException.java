package io.mmq.persistence;

/**
 * A database operation failed for a reason other than the database being unreachable (which is
 * {@link io.mmq.core.common.StorageUnavailableException}): a rejected row, a malformed stored
 * value, a failed migration. The message says what was being done and, for a batch, which entry
 * failed; the transaction was rolled back, so nothing of it was written.
 */
public final class PersistenceException extends RuntimeException {
  public PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
