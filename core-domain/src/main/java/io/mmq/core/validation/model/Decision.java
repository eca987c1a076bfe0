package io.mmq.core.validation.model;

/**
 * The outcome of a validation run (claim 11): the active model is accurate enough (KEEP), not
 * accurate enough (UPDATE), and after an update the candidate was promoted or rejected.
 */
public enum Decision {
  KEEP,
  UPDATE,
  PROMOTED,
  REJECTED
}
