package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.testing.builder.ModelRecordBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryModelRegistryTest {
  private final InMemoryModelRegistry registry = new InMemoryModelRegistry();

  @Test
  void activatingAModelRetiresThePreviousActiveOne() {
    register(aModelRecord().withVersion("m-1").active());
    register(aModelRecord().withVersion("m-2"));

    registry.activate(ModelVersion.of("m-2"), Instant.EPOCH);

    assertThat(status("m-1")).isEqualTo(ModelStatus.RETIRED);
    assertThat(status("m-2")).isEqualTo(ModelStatus.ACTIVE);
    assertThat(registry.active().orElseThrow().version()).isEqualTo(ModelVersion.of("m-2"));
    assertThat(registry.activations()).containsExactly(ModelVersion.of("m-1"), ModelVersion.of("m-2"));
  }

  @Test
  void registeringAnActiveRecordOrActivatingKeepsOneActiveModel() {
    register(aModelRecord().withVersion("m-1").active());
    register(aModelRecord().withVersion("m-2").active());
    register(aModelRecord().withVersion("m-3"));
    registry.activate(ModelVersion.of("m-3"), Instant.EPOCH);

    assertThat(registry.list().stream().filter(r -> r.status() == ModelStatus.ACTIVE))
        .extracting(ModelRecord::version)
        .containsExactly(ModelVersion.of("m-3"));
  }

  @Test
  void loadsTheArtifactAndRejectsACorruptedOne() {
    ModelArtifact artifact = ModelArtifact.of("weights".getBytes(StandardCharsets.UTF_8));
    registry.register(aModelRecord().withVersion("m-1").withArtifact(artifact).build(), artifact);

    assertThat(registry.loadArtifact(ModelVersion.of("m-1")).bytes())
        .isEqualTo("weights".getBytes(StandardCharsets.UTF_8));

    registry.corruptArtifact(ModelVersion.of("m-1"));
    assertThatThrownBy(() -> registry.loadArtifact(ModelVersion.of("m-1")))
        .isInstanceOf(ModelArtifact.CorruptArtifactException.class);
  }

  @Test
  void rejectsAChecksumThatIsNotTheArtifactsAndARepeatedVersion() {
    ModelArtifact other = ModelArtifact.of(new byte[] {9});
    assertThatThrownBy(() -> registry.register(aModelRecord().build(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");

    register(aModelRecord().withVersion("m-1"));
    assertThatThrownBy(() -> register(aModelRecord().withVersion("m-1")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void unknownVersionsAreNotFound() {
    assertThatThrownBy(() -> registry.activate(ModelVersion.of("nope"), Instant.EPOCH))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> registry.loadArtifact(ModelVersion.of("nope")))
        .isInstanceOf(NotFoundException.class);
    assertThat(registry.find(ModelVersion.of("nope"))).isEmpty();
  }

  @Test
  void listsNewestFirstByCreationThenRegistration() {
    register(aModelRecord().withVersion("old").createdAt("2016-06-01T00:00:00Z"));
    register(aModelRecord().withVersion("new-a").createdAt("2016-07-01T00:00:00Z"));
    register(aModelRecord().withVersion("new-b").createdAt("2016-07-01T00:00:00Z"));
    register(aModelRecord().withVersion("mid").createdAt("2016-06-15T00:00:00Z"));

    assertThat(registry.list()).extracting(r -> r.version().value())
        .containsExactly("new-b", "new-a", "mid", "old");
  }

  @Test
  void concurrentActivationsLeaveExactlyOneActiveModel() throws Exception {
    for (int i = 0; i < 10; i++) {
      register(aModelRecord().withVersion("m-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int round = 0; round < 200; round++) {
        int version = round % 10;
        futures.add(
            pool.submit(() -> registry.activate(ModelVersion.of("m-" + version), Instant.EPOCH)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(registry.list().stream().filter(r -> r.status() == ModelStatus.ACTIVE)).hasSize(1);
  }

  private void register(ModelRecordBuilder builder) {
    registry.register(builder.build(), builder.artifact());
  }

  private ModelStatus status(String version) {
    return registry.find(ModelVersion.of(version)).orElseThrow().status();
  }
}
