package io.mmq.core.common;

import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the domain's records. Each failure names the offending field. */
public final class Checks {
  private Checks() {}

  public static String requireNonBlank(String value, String field) {
    Objects.requireNonNull(value, field + " is null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " is blank");
    }
    return value;
  }

  public static String requireMaxLength(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          field + " is " + value.length() + " characters long; at most " + max + " allowed");
    }
    return value;
  }

  public static double requireFinite(double value, String field) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, was " + value);
    }
    return value;
  }

  public static double requireInRange(double value, double min, double max, String field) {
    requireFinite(value, field);
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  public static long requireNonNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  /** Copies a map of named numbers, rejecting blank keys and non-finite values. */
  public static Map<String, Double> finiteValues(Map<String, Double> values, String field) {
    Objects.requireNonNull(values, field + " is null");
    values.forEach(
        (key, value) -> {
          requireNonBlank(key, field + " key");
          Objects.requireNonNull(value, field + "." + key + " is null");
          requireFinite(value, field + "." + key);
        });
    return Map.copyOf(values);
  }
}
