package io.mmq.grpc.mapping;

import java.util.Objects;

/**
 * A wire message (or JSON Lines record) breaks a rule: names the field by its JSON path, e.g.
 * {@code blocks[2].image.data} or {@code metrics["ctr"]}. Oversized fields are marked so that the
 * service can answer {@code RESOURCE_EXHAUSTED} rather than {@code INVALID_ARGUMENT}.
 */
public final class InvalidFieldException extends RuntimeException {
  private final String fieldPath;
  private final String reason;
  private final boolean oversized;

  public InvalidFieldException(String fieldPath, String reason) {
    this(fieldPath, reason, false);
  }

  private InvalidFieldException(String fieldPath, String reason, boolean oversized) {
    super(fieldPath.isEmpty() ? reason : fieldPath + ": " + reason);
    this.fieldPath = Objects.requireNonNull(fieldPath, "fieldPath is null");
    this.reason = Objects.requireNonNull(reason, "reason is null");
    this.oversized = oversized;
  }

  public static InvalidFieldException oversized(String fieldPath, String reason) {
    return new InvalidFieldException(fieldPath, reason, true);
  }

  /** The same violation seen from an enclosing message, e.g. {@code items[3].resource}. */
  public InvalidFieldException under(String prefix) {
    String path = prefix.isEmpty() ? fieldPath : fieldPath.isEmpty() ? prefix : prefix + "." + fieldPath;
    return new InvalidFieldException(path, reason, oversized);
  }

  public String fieldPath() {
    return fieldPath;
  }

  public String reason() {
    return reason;
  }

  public boolean isOversized() {
    return oversized;
  }
}
