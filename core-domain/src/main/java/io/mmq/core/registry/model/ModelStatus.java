package io.mmq.core.registry.model;

/** A model's place in the registry: serving, waiting to be promoted, or retired. */
public enum ModelStatus {
  ACTIVE,
  CANDIDATE,
  RETIRED
}
