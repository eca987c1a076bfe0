package io.mmq.core.resource.model;

import io.mmq.core.common.Checks;

/** The catalogue identifier of a multimedia resource (an article). */
public record ResourceId(String value) implements Comparable<ResourceId> {
  public static final int MAX_LENGTH = 256;

  public ResourceId {
    Checks.requireNonBlank(value, "id");
    Checks.requireMaxLength(value, MAX_LENGTH, "id");
  }

  public static ResourceId of(String value) {
    return new ResourceId(value);
  }

  @Override
  public int compareTo(ResourceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
