package io.mmq.core.registry.service;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.ModelChange;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.registry.port.in.RollbackModelCommand;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.builder.ModelRecordBuilder;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import io.mmq.core.testing.fake.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelManagementServiceTest {
  private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
  private final ActiveModelHolder holder = new ActiveModelHolder(registry, ConstantModel::new);
  private final MutableClock clock = MutableClock.at("2016-07-01T00:00:00Z");
  private final ModelManagementService service =
      new ModelManagementService(registry, holder, clock);

  @Test
  void promotionAndRollbackRecordWhenTheModelBecameActiveAndRetiredModelsKeepIt() {
    register("m-1", "2016-06-01", ModelStatus.ACTIVE);
    register("m-2", "2016-06-10", ModelStatus.CANDIDATE);
    Instant promotedAt = Instant.parse("2016-07-01T00:00:00Z");
    Instant rolledBackAt = Instant.parse("2016-07-02T12:00:00Z");

    ModelChange promoted = service.promote(new PromoteModelCommand(v("m-2")));
    clock.set(rolledBackAt);
    ModelChange rolledBack = service.rollback(RollbackModelCommand.toPrevious());

    assertThat(promoted.active().activatedAt()).contains(promotedAt);
    assertThat(rolledBack.active().activatedAt()).contains(rolledBackAt);
    assertThat(service.get(v("m-1")).activatedAt()).contains(rolledBackAt);
    assertThat(service.get(v("m-2")).status()).isEqualTo(ModelStatus.RETIRED);
    assertThat(service.get(v("m-2")).activatedAt()).contains(promotedAt);
  }

  @Test
  void promotingRetiresThePreviousActiveModel() {
    register("m-1", "2016-06-01", ModelStatus.ACTIVE);
    register("m-2", "2016-06-10", ModelStatus.CANDIDATE);

    ModelChange change = service.promote(new PromoteModelCommand(v("m-2")));

    assertThat(change.previous()).contains(v("m-1"));
    assertThat(change.active().version()).isEqualTo(v("m-2"));
    assertThat(change.changed()).isTrue();
    assertThat(status("m-1")).isEqualTo(ModelStatus.RETIRED);
    assertThat(service.active().map(ModelRecord::version)).contains(v("m-2"));
    assertThat(service.list()).extracting(ModelRecord::version).containsExactly(v("m-2"), v("m-1"));
  }

  @Test
  void promotingTheActiveModelChangesNothingAndAnUnknownOneIsNotFound() {
    register("m-1", "2016-06-01", ModelStatus.ACTIVE);

    assertThat(service.promote(new PromoteModelCommand(v("m-1"))).changed()).isFalse();
    assertThatThrownBy(() -> service.promote(new PromoteModelCommand(v("m-9"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("m-9");
    assertThatThrownBy(() -> service.get(v("m-9"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void rollsBackToTheModelThatServedBeforeSkippingRejectedCandidates() {
    register("m-1", "2016-06-01", ModelStatus.ACTIVE);
    register("m-2", "2016-06-10", ModelStatus.CANDIDATE);
    register("m-3", "2016-06-20", ModelStatus.CANDIDATE);
    service.promote(new PromoteModelCommand(v("m-3")));

    ModelChange change = service.rollback(RollbackModelCommand.toPrevious());

    assertThat(change.previous()).contains(v("m-3"));
    assertThat(change.active().version()).isEqualTo(v("m-1"));
    assertThat(status("m-3")).isEqualTo(ModelStatus.RETIRED);
    assertThat(status("m-2")).isEqualTo(ModelStatus.CANDIDATE);
    assertThatThrownBy(() -> service.rollback(RollbackModelCommand.toPrevious()))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("no retired model older than the active model m-1");
  }

  @Test
  void rollsBackToANamedEarlierVersionOnly() {
    register("m-1", "2016-06-01", ModelStatus.RETIRED);
    register("m-2", "2016-06-10", ModelStatus.CANDIDATE);
    register("m-3", "2016-06-20", ModelStatus.ACTIVE);
    register("m-4", "2016-06-30", ModelStatus.CANDIDATE);

    assertThatThrownBy(() -> service.rollback(RollbackModelCommand.to(v("m-4"))))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("newer");
    assertThatThrownBy(() -> service.rollback(RollbackModelCommand.to(v("m-3"))))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("already active");
    assertThatThrownBy(() -> service.rollback(RollbackModelCommand.to(v("m-0"))))
        .isInstanceOf(NotFoundException.class);

    ModelChange change = service.rollback(RollbackModelCommand.to(v("m-2")));
    assertThat(change.active().version()).isEqualTo(v("m-2"));
    assertThat(status("m-3")).isEqualTo(ModelStatus.RETIRED);
  }

  @Test
  void aPromotedOrRolledBackModelServesWhenTheCallReturns() {
    register("m-1", "2016-06-01", ModelStatus.ACTIVE);
    register("m-2", "2016-06-10", ModelStatus.CANDIDATE);

    service.promote(new PromoteModelCommand(v("m-2")));
    assertThat(holder.loadedVersion()).contains(v("m-2"));

    service.rollback(RollbackModelCommand.toPrevious());
    assertThat(holder.loadedVersion()).contains(v("m-1"));
  }

  @Test
  void aModelWhoseArtifactCannotBeLoadedIsRefusedAndTheActiveOneKeepsServing() {
    register("m-1", "2016-06-01", ModelStatus.ACTIVE);
    register("m-2", "2016-06-10", ModelStatus.CANDIDATE);
    assertThat(holder.refresh()).contains(v("m-1"));
    registry.corruptArtifact(v("m-2"));

    assertThatThrownBy(() -> service.promote(new PromoteModelCommand(v("m-2"))))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("model m-2 cannot be served")
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("model m-1 stays active and serving");

    assertThat(service.active().map(ModelRecord::version)).contains(v("m-1"));
    assertThat(status("m-2")).isEqualTo(ModelStatus.CANDIDATE);
    assertThat(holder.loadedVersion()).contains(v("m-1"));
    ModelVersion serving = holder.withActiveModel((record, model) -> record.version());
    assertThat(serving).isEqualTo(v("m-1"));
  }

  @Test
  void withoutAnActiveModelThereIsNothingToRollBack() {
    register("m-1", "2016-06-01", ModelStatus.RETIRED);

    assertThatThrownBy(() -> service.rollback(new RollbackModelCommand(Optional.empty())))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("no model is active");
  }

  private void register(String version, String date, ModelStatus status) {
    ModelRecordBuilder builder =
        aModelRecord().withVersion(version).createdAt(date + "T00:00:00Z").withStatus(status);
    registry.register(builder.build(), builder.artifact());
  }

  private ModelStatus status(String version) {
    return service.get(v(version)).status();
  }

  private static ModelVersion v(String version) {
    return ModelVersion.of(version);
  }

  /** A model of any artifact: probability 0.5 for every default task. */
  private static final class ConstantModel implements QualityModel {
    ConstantModel(ModelArtifact artifact) {}

    @Override
    public TaskSet tasks() {
      return TaskSet.defaults();
    }

    @Override
    public List<Prediction> predict(List<Resource> resources) {
      Map<TaskName, TaskPrediction> tasks = new LinkedHashMap<>();
      TaskSet.defaults().names().forEach(task -> tasks.put(task, TaskPrediction.of(0.5)));
      return resources.stream().map(resource -> new Prediction(resource.id(), tasks)).toList();
    }

    @Override
    public void close() {}
  }
}
