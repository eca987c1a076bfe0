package io.mmq.core.classification.port.out;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskSet;
import java.util.List;

/** A loaded model that predicts per-task probabilities (inference). Thread-safe. */
public interface QualityModel extends AutoCloseable {

  TaskSet tasks();

  /** One prediction per resource, in the order given. */
  List<Prediction> predict(List<Resource> resources);

  /** Releases native resources. Predicting after close fails. */
  @Override
  void close();
}
