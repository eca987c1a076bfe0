package io.mmq.core.registry.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The serialised form of a trained model (graph, variables, configuration, vocabularies,
 * normalisers), opaque to the core, with the SHA-256 checksum that is verified on load.
 */
public final class ModelArtifact {
  private final byte[] bytes;
  private final String checksum;

  private ModelArtifact(byte[] bytes, String checksum) {
    this.bytes = bytes;
    this.checksum = checksum;
  }

  /** Wraps freshly produced bytes and computes their checksum. */
  public static ModelArtifact of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes is null");
    byte[] copy = bytes.clone();
    return new ModelArtifact(copy, sha256(copy));
  }

  /**
   * Wraps stored bytes with the checksum recorded when they were stored.
   *
   * @throws CorruptArtifactException when the bytes do not match the checksum
   */
  public static ModelArtifact verified(byte[] bytes, String expectedChecksum) {
    Objects.requireNonNull(bytes, "bytes is null");
    Objects.requireNonNull(expectedChecksum, "expectedChecksum is null");
    byte[] copy = bytes.clone();
    String actual = sha256(copy);
    if (!actual.equals(expectedChecksum)) {
      throw new CorruptArtifactException(
          "model artifact checksum mismatch: expected " + expectedChecksum + ", got " + actual);
    }
    return new ModelArtifact(copy, actual);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public String checksum() {
    return checksum;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Raised when a stored artifact does not match its recorded checksum. */
  public static final class CorruptArtifactException extends RuntimeException {
    public CorruptArtifactException(String message) {
      super(message);
    }
  }
}
