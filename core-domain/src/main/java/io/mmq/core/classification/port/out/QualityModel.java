package io.mmq.core.classification.port.out;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskSet;
import java.util.List;
import java.util.Optional;

/** A loaded model that predicts per-task probabilities (inference). Thread-safe. */
public interface QualityModel extends AutoCloseable {

  TaskSet tasks();

  /** One prediction per resource, in the order given. */
  List<Prediction> predict(List<Resource> resources);

  /**
   * The mean gate weight per task and expert over the given resources, for models whose tasks mix
   * shared experts through gates (MMoE); empty for models without gates.
   */
  default Optional<ExpertUtilisation> expertUtilisation(List<Resource> resources) {
    return Optional.empty();
  }

  /** Releases native resources. Predicting after close fails. */
  @Override
  void close();
}
