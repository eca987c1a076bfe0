package io.mmq.grpc.mapping;

import java.util.function.Supplier;

/** Builds field paths and turns a domain rule's rejection into an {@link InvalidFieldException}. */
final class FieldPath {
  private FieldPath() {}

  static String join(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  static String index(String prefix, String field, int index) {
    return join(prefix, field) + "[" + index + "]";
  }

  static String key(String prefix, String field, String key) {
    return join(prefix, field) + "[\"" + key + "\"]";
  }

  /**
   * Runs a domain constructor; an {@link IllegalArgumentException} or {@link NullPointerException}
   * it throws becomes a violation at {@code path}.
   */
  static <T> T at(String path, Supplier<T> construct) {
    try {
      return construct.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidFieldException(path, String.valueOf(e.getMessage()));
    }
  }

  static String required(String value, String path) {
    if (value.isBlank()) {
      throw new InvalidFieldException(path, "is required");
    }
    return value;
  }
}
