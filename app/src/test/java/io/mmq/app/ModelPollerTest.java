package io.mmq.app;

import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.testing.fake.FakeModels;
import io.mmq.core.testing.fake.FakeQualityModelLoader;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The poller follows activations made elsewhere and keeps health in step with the served model. */
class ModelPollerTest {
  private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
  private final ActiveModelHolder holder = new ActiveModelHolder(registry, new FakeQualityModelLoader());
  private final List<Boolean> health = new ArrayList<>();
  private final ModelPoller poller = new ModelPoller(holder, health::add);

  @Test
  void followsTheRegistryAndKeepsServingWhenANewModelCannotBeLoaded() {
    poller.poll();
    register("m-1", ModelStatus.ACTIVE);
    poller.poll();
    register("m-2", ModelStatus.CANDIDATE);
    registry.activate(ModelVersion.of("m-2"), Instant.EPOCH); // another replica promoted it
    poller.poll();
    assertThat(holder.loadedVersion()).contains(ModelVersion.of("m-2"));

    register("m-3", ModelStatus.CANDIDATE);
    registry.corruptArtifact(ModelVersion.of("m-3"));
    registry.activate(ModelVersion.of("m-3"), Instant.EPOCH);
    poller.poll();
    poller.poll();

    assertThat(holder.loadedVersion()).contains(ModelVersion.of("m-2"));
    assertThat(health).containsExactly(false, true, true, true, true);
    registry.faults().goDown();
    poller.poll();
    assertThat(health).endsWith(true); // the database is down: the loaded model still serves
  }

  private void register(String version, ModelStatus status) {
    FakeModels.register(registry, version, status, tasksNamed("ctr"), version);
  }
}
