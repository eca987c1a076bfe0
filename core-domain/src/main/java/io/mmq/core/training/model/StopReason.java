package io.mmq.core.training.model;

/** Why a trainer stopped training (a cancel is not a stop: it throws). */
public enum StopReason {
  /** It ran the configured number of steps. */
  STEP_CAP,
  /** Every task's training loss fell below the configured loss threshold. */
  CONVERGED,
  /** The mean validation AUC stopped improving for the configured number of evaluations. */
  EARLY_STOPPED
}
