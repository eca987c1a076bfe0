package io.mmq.core.classification.service;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.label.model.Label;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.testing.fake.FakeModelTrainer;
import io.mmq.core.testing.fake.FakeQualityModel;
import io.mmq.core.testing.fake.FakeQualityModelLoader;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.training.model.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveModelHolderTest {
  private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
  private final FakeQualityModelLoader loader = new FakeQualityModelLoader();
  private final ActiveModelHolder holder = new ActiveModelHolder(registry, loader);

  @Test
  void aSwapWaitsForTheCallsStillUsingTheOldModel() {
    register("m-1", ModelStatus.ACTIVE);
    register("m-2", ModelStatus.CANDIDATE);

    String seen =
        holder.withActiveModel(
            (outerRecord, outerModel) -> {
              registry.activate(ModelVersion.of("m-2"));
              String inner = holder.withActiveModel((record, model) -> record.version().value());
              FakeQualityModel old = (FakeQualityModel) outerModel;
              assertThat(old.isClosed()).isFalse();
              assertThat(old.predict(List.of(aResource().build()))).hasSize(1);
              return outerRecord.version() + "/" + inner;
            });

    assertThat(seen).isEqualTo("m-1/m-2");
    assertThat(loader.loaded().get(0).isClosed()).isTrue();
    assertThat(loader.loaded().get(1).isClosed()).isFalse();
    assertThat(holder.loadedVersion()).contains(ModelVersion.of("m-2"));
  }

  @Test
  void aCorruptArtifactFailsTheLoadAndNoActiveModelIsAPreconditionFailure() {
    assertThatThrownBy(() -> holder.withActiveModel((record, model) -> 1))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(holder.refresh()).isEmpty();

    register("m-1", ModelStatus.ACTIVE);
    registry.corruptArtifact(ModelVersion.of("m-1"));

    assertThatThrownBy(() -> holder.withActiveModel((record, model) -> 1))
        .isInstanceOf(ModelArtifact.CorruptArtifactException.class);
    assertThat(holder.loadedVersion()).isEmpty();
  }

  @Test
  void closingClosesTheLoadedModel() {
    register("m-1", ModelStatus.ACTIVE);
    assertThat(holder.refresh()).contains(ModelVersion.of("m-1"));

    holder.close();

    assertThat(loader.loaded()).singleElement().satisfies(m -> assertThat(m.isClosed()).isTrue());
    assertThatThrownBy(() -> holder.withActiveModel((record, model) -> 1))
        .isInstanceOf(IllegalStateException.class);
  }

  private void register(String version, ModelStatus status) {
    ModelArtifact artifact =
        new FakeModelTrainer()
            .train(
                tasksNamed("ctr"),
                List.of(
                        new TrainingExample(
                            aResource().withTitle(version).build(),
                            Map.of(TaskName.of("ctr"), Label.POSITIVE)))
                    ::forEach,
                consumer -> {},
                TrainingConfig.seeded(1),
                Optional.empty(),
                TrainingListener.NONE)
            .artifact();
    registry.register(
        aModelRecord().withVersion(version).withStatus(status).withTasks(tasksNamed("ctr"))
            .withArtifact(artifact).build(),
        artifact);
  }
}
