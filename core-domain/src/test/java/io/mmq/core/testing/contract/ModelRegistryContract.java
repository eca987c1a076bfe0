package io.mmq.core.testing.contract;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.testing.builder.ModelRecordBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ModelRegistry}: models registered once with their artifact, artifacts
 * loaded whole and verified, newest first, at most one ACTIVE model whatever the path to it.
 */
public abstract class ModelRegistryContract {
  private static final ModelVersion M1 = ModelVersion.of("m-1");
  private static final ModelVersion M2 = ModelVersion.of("m-2");
  private static final ModelVersion M3 = ModelVersion.of("m-3");
  private static final Instant AT = Instant.parse("2016-07-02T10:15:30.123456789Z");
  private static final Instant LATER = Instant.parse("2016-07-03T08:00:00Z");

  private ModelRegistry registry;

  /** A new, empty registry. Called before each test. */
  protected abstract ModelRegistry newRegistry();

  @BeforeEach
  void createRegistry() {
    registry = newRegistry();
  }

  private ModelRecord register(ModelRecordBuilder builder) {
    ModelRecord record = builder.build();
    registry.register(record, builder.artifact());
    return record;
  }

  private ModelStatus statusOf(ModelVersion version) {
    return registry.find(version).orElseThrow().status();
  }

  /** Bytes that differ at every position of a chunk, so that misplaced chunks show. */
  private static byte[] patterned(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + (i >>> 16));
    }
    return bytes;
  }

  @Test
  void anEmptyRegistryHoldsNothingAndNamesMissingModels() {
    assertThat(registry.list()).isEmpty();
    assertThat(registry.active()).isEmpty();
    assertThat(registry.find(M1)).isEmpty();
    assertThatThrownBy(() -> registry.loadArtifact(M1))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("m-1");
    assertThatThrownBy(() -> registry.activate(M1, AT)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> registry.setStatus(M1, ModelStatus.RETIRED))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aRegisteredModelComesBackEqualWithItsArtifact() {
    ModelRecordBuilder builder =
        aModelRecord()
            .withVersion("m-1")
            .withTasks(tasksNamed("ctr", "dwell"))
            .withSeed(-42)
            .withHyperparameter("steps", "2000")
            .withHyperparameter("gate", "SHARED \"quoted\" ü")
            .withMetric("auc.ctr", 0.71)
            .withMetric("auc.dwell", Double.NaN)
            .fineTunedFrom("m-0")
            .createdAt("2016-07-01T00:00:00.123456789Z")
            .retired()
            .activatedAt("2016-07-02T00:00:00.987654321Z");

    ModelRecord record = register(builder);

    assertThat(registry.find(M1)).contains(record);
    assertThat(registry.list()).containsExactly(record);
    assertThat(registry.loadArtifact(M1).bytes())
        .isEqualTo("model m-1".getBytes(StandardCharsets.UTF_8));
    assertThat(registry.loadArtifact(M1).checksum()).isEqualTo(record.checksum());
  }

  @Test
  void artifactsOfSeveralMegabytesAndEmptyOnesLoadWhole() {
    byte[] large = patterned(2 * 1024 * 1024 + 524_291);
    register(aModelRecord().withVersion("m-1").withArtifact(ModelArtifact.of(large)));
    register(aModelRecord().withVersion("m-2").withArtifact(ModelArtifact.of(new byte[0])));

    assertThat(registry.loadArtifact(M1).bytes()).isEqualTo(large);
    assertThat(registry.loadArtifact(M2).size()).isZero();
  }

  @Test
  void aVersionIsRegisteredOnlyOnce() {
    register(aModelRecord().withVersion("m-1"));
    ModelRecordBuilder again =
        aModelRecord().withVersion("m-1").withArtifact(ModelArtifact.of(new byte[] {9, 9}));

    assertThatThrownBy(() -> registry.register(again.build(), again.artifact()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("m-1");
    assertThat(registry.list()).hasSize(1);
    assertThat(registry.loadArtifact(M1).bytes())
        .isEqualTo("model m-1".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRecordWhoseChecksumIsNotTheArtifactsIsRejected() {
    ModelRecord record = aModelRecord().withVersion("m-1").build();

    assertThatThrownBy(() -> registry.register(record, ModelArtifact.of(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("checksum");
    assertThat(registry.find(M1)).isEmpty();
  }

  @Test
  void listsNewestFirstAndLaterRegisteredFirstAtTheSameInstant() {
    register(aModelRecord().withVersion("m-1").createdAt("2016-07-01T00:00:00Z"));
    register(aModelRecord().withVersion("m-3").createdAt("2016-07-03T00:00:00Z"));
    register(aModelRecord().withVersion("m-2a").createdAt("2016-07-02T00:00:00Z"));
    register(aModelRecord().withVersion("m-2b").createdAt("2016-07-02T00:00:00Z"));

    assertThat(registry.list())
        .extracting(record -> record.version().value())
        .containsExactly("m-3", "m-2b", "m-2a", "m-1");
  }

  @Test
  void activatingAModelRetiresThePreviouslyActiveOne() {
    register(aModelRecord().withVersion("m-1").active());
    register(aModelRecord().withVersion("m-2"));

    registry.activate(M2, AT);

    assertThat(registry.active().map(ModelRecord::version)).contains(M2);
    assertThat(registry.active().orElseThrow().activatedAt()).contains(AT);
    assertThat(statusOf(M1)).isEqualTo(ModelStatus.RETIRED);
    assertThat(registry.list())
        .filteredOn(record -> record.status() == ModelStatus.ACTIVE)
        .hasSize(1);
  }

  @Test
  void activatingTheActiveModelChangesNothing() {
    register(aModelRecord().withVersion("m-1").active().activatedAt("2016-07-01T00:00:00Z"));
    register(aModelRecord().withVersion("m-2"));

    registry.activate(M1, AT);

    assertThat(statusOf(M1)).isEqualTo(ModelStatus.ACTIVE);
    assertThat(registry.find(M1).orElseThrow().activatedAt())
        .contains(Instant.parse("2016-07-01T00:00:00Z"));
    assertThat(statusOf(M2)).isEqualTo(ModelStatus.CANDIDATE);
  }

  @Test
  void registeringAnActiveRecordRetiresThePreviouslyActiveOne() {
    register(aModelRecord().withVersion("m-1").active());

    register(aModelRecord().withVersion("m-2").active());

    assertThat(statusOf(M1)).isEqualTo(ModelStatus.RETIRED);
    assertThat(registry.active().map(ModelRecord::version)).contains(M2);
  }

  @Test
  void settingAStatusJustSetsItAndActiveIsReservedToActivate() {
    register(aModelRecord().withVersion("m-1").active());
    register(aModelRecord().withVersion("m-2"));
    register(aModelRecord().withVersion("m-3"));

    assertThatThrownBy(() -> registry.setStatus(M2, ModelStatus.ACTIVE))
        .isInstanceOf(IllegalArgumentException.class);
    registry.activate(M2, AT);
    registry.setStatus(M3, ModelStatus.RETIRED);

    assertThat(statusOf(M1)).isEqualTo(ModelStatus.RETIRED);
    assertThat(statusOf(M2)).isEqualTo(ModelStatus.ACTIVE);
    assertThat(statusOf(M3)).isEqualTo(ModelStatus.RETIRED);

    registry.setStatus(M2, ModelStatus.RETIRED);

    assertThat(registry.active()).isEmpty();
    assertThat(registry.find(M2).orElseThrow().activatedAt()).contains(AT);
  }

  @Test
  void aRetiredModelCanBeActivatedAgain() {
    register(aModelRecord().withVersion("m-1").active());
    register(aModelRecord().withVersion("m-2").active().activatedAt("2016-07-01T00:00:00Z"));
    registry.activate(M1, AT);

    registry.activate(M1, LATER);

    assertThat(registry.active().map(ModelRecord::version)).contains(M1);
    assertThat(registry.active().orElseThrow().activatedAt()).contains(AT);
    assertThat(statusOf(M2)).isEqualTo(ModelStatus.RETIRED);
    assertThat(registry.find(M2).orElseThrow().activatedAt())
        .contains(Instant.parse("2016-07-01T00:00:00Z"));
    assertThat(registry.loadArtifact(M1).bytes())
        .isEqualTo("model m-1".getBytes(StandardCharsets.UTF_8));
  }
}
