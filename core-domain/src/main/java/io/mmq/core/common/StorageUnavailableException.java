package io.mmq.core.common;

/** The store behind a repository port cannot be reached; callers may retry later. */
public class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message) {
    super(message);
  }

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
