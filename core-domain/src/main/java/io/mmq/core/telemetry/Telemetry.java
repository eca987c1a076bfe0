package io.mmq.core.telemetry;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.model.Decision;
import java.time.Duration;
import java.util.Optional;

/**
 * What the core reports about its own work, for an adapter to export as metrics (outbound port).
 * Every method has a no-op default, so an implementation overrides what it exports; calls must be
 * cheap and must never throw. {@link #NONE} discards everything.
 */
public interface Telemetry {
  /** Discards every report. */
  Telemetry NONE = new Telemetry() {};

  /** The model ran one (micro-)batch of this many resources. */
  default void classifyBatch(int resources) {}

  /** Resources waiting in the classification queue now. */
  default void queueDepth(int waiting) {}

  /** Prediction cache lookups of one call: answered from the cache, and predicted. */
  default void predictionCache(int hits, int misses) {}

  /**
   * A model now takes the traffic (empty: none is active). {@code loadAndWarmUp} is how long loading
   * and warming it took before the swap; {@code utilisation} its experts' use, where known.
   */
  default void activeModel(
      Optional<ModelVersion> version, Duration loadAndWarmUp, Optional<ExpertUtilisation> utilisation) {}

  /** A training job reported progress. */
  default void trainingProgress(JobId job, TrainingProgress progress) {}

  /** A training job ended (succeeded, failed or cancelled). */
  default void trainingEnded(JobId job, JobState state) {}

  /** A validation run of {@code version} ended with this accuracy and decision. */
  default void validation(ModelVersion version, double accuracy, Decision decision) {}
}
