package io.mmq.core.label.model;

/** The label of one task for one resource. An unlabelled task is absent (masked in training). */
public enum Label {
  POSITIVE,
  NEGATIVE;

  public static Label of(boolean positive) {
    return positive ? POSITIVE : NEGATIVE;
  }

  public boolean isPositive() {
    return this == POSITIVE;
  }
}
