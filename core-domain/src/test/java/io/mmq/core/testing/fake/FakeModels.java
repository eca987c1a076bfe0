package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static io.mmq.core.testing.builder.ResourceBuilder.aResource;

import io.mmq.core.label.model.Label;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.training.model.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registers models that {@link FakeQualityModelLoader} loads, without a training job: each learns
 * one example, titled {@code positiveTitle}, POSITIVE on every task. For tests of serving.
 */
public final class FakeModels {
  private FakeModels() {}

  /** An artifact of {@link FakeModelTrainer} that learned one positive example. */
  public static ModelArtifact artifact(TaskSet tasks, String positiveTitle) {
    Map<TaskName, Label> labels = new java.util.LinkedHashMap<>();
    tasks.names().forEach(task -> labels.put(task, Label.POSITIVE));
    return new FakeModelTrainer()
        .train(
            tasks,
            List.of(new TrainingExample(aResource().withTitle(positiveTitle).build(), labels))::forEach,
            consumer -> {},
            TrainingConfig.seeded(1),
            Optional.empty(),
            TrainingListener.NONE)
        .artifact();
  }

  /** Registers version {@code version} in this status, learned from {@code positiveTitle}. */
  public static ModelRecord register(
      ModelRegistry registry, String version, ModelStatus status, TaskSet tasks, String positiveTitle) {
    ModelArtifact artifact = artifact(tasks, positiveTitle);
    ModelRecord record =
        aModelRecord().withVersion(version).withStatus(status).withTasks(tasks)
            .withArtifact(artifact).build();
    registry.register(record, artifact);
    return record;
  }
}
