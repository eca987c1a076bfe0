package io.mmq.core.training.model;

import io.mmq.core.common.Checks;

/** The identifier of a training job. */
public record JobId(String value) {
  public JobId {
    Checks.requireNonBlank(value, "jobId");
    Checks.requireMaxLength(value, 128, "jobId");
  }

  @Override
  public String toString() {
    return value;
  }
}
