package io.mmq.core.classification.port.in;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The classification of one resource (claim 12): per-task predictions (in the model's task order),
 * the quality class they aggregate to, and the model version that made them.
 */
public record Classification(
    ResourceId resourceId,
    Map<TaskName, TaskPrediction> tasks,
    QualityClass quality,
    ModelVersion modelVersion) {

  public Classification {
    Objects.requireNonNull(resourceId, "resourceId is null");
    tasks =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(tasks, "tasks is null")));
    Objects.requireNonNull(quality, "quality is null");
    Objects.requireNonNull(modelVersion, "modelVersion is null");
  }
}
