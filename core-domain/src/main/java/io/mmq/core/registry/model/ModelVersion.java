package io.mmq.core.registry.model;

import io.mmq.core.common.Checks;

/** The version of a trained model, e.g. {@code m-20261129-015300-a1b2}. */
public record ModelVersion(String value) implements Comparable<ModelVersion> {
  public ModelVersion {
    Checks.requireNonBlank(value, "modelVersion");
    Checks.requireMaxLength(value, 128, "modelVersion");
    if (!value.matches("[A-Za-z0-9_.:-]+")) {
      throw new IllegalArgumentException(
          "modelVersion may hold only letters, digits, '_', '.', ':' and '-', was '" + value + "'");
    }
  }

  public static ModelVersion of(String value) {
    return new ModelVersion(value);
  }

  @Override
  public int compareTo(ModelVersion other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
