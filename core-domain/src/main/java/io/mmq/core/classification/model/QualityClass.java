package io.mmq.core.classification.model;

/** The aggregated quality of a resource (claim 12). */
public enum QualityClass {
  HIGH,
  LOW
}
