package io.mmq.core.testing.builder;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.model.Provenance;
import io.mmq.core.task.model.TaskSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ModelRecord} and the artifact it describes, consistent with each other: {@code
 * aModelRecord().withVersion("m-1").active().build()}, then {@link #artifact()} for {@code
 * register}. Defaults: version m-1, CANDIDATE, default tasks, window 2016-06-24..30, seed 7,
 * artifact bytes {@code "model m-1"}.
 */
public final class ModelRecordBuilder {
  private String version = "m-1";
  private ModelStatus status = ModelStatus.CANDIDATE;
  private TaskSet tasks = TaskSet.defaults();
  private TimeWindow window = Windows.between("2016-06-24", "2016-06-30");
  private long seed = 7;
  private final Map<String, String> hyperparameters = new LinkedHashMap<>();
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private Instant createdAt = Instant.parse("2016-07-01T00:00:00Z");
  private Optional<ModelVersion> fineTunedFrom = Optional.empty();
  private Optional<Instant> activatedAt = Optional.empty();
  private ModelArtifact artifact;

  private ModelRecordBuilder() {}

  public static ModelRecordBuilder aModelRecord() {
    return new ModelRecordBuilder();
  }

  public ModelRecordBuilder withVersion(String newVersion) {
    this.version = newVersion;
    return this;
  }

  public ModelRecordBuilder withStatus(ModelStatus newStatus) {
    this.status = newStatus;
    return this;
  }

  public ModelRecordBuilder active() {
    return withStatus(ModelStatus.ACTIVE);
  }

  public ModelRecordBuilder retired() {
    return withStatus(ModelStatus.RETIRED);
  }

  public ModelRecordBuilder withTasks(TaskSet newTasks) {
    this.tasks = newTasks;
    return this;
  }

  public ModelRecordBuilder withWindow(TimeWindow newWindow) {
    this.window = newWindow;
    return this;
  }

  public ModelRecordBuilder withSeed(long newSeed) {
    this.seed = newSeed;
    return this;
  }

  public ModelRecordBuilder withHyperparameter(String key, String value) {
    hyperparameters.put(key, value);
    return this;
  }

  public ModelRecordBuilder withMetric(String key, double value) {
    metrics.put(key, value);
    return this;
  }

  public ModelRecordBuilder createdAt(String isoInstant) {
    this.createdAt = Instant.parse(isoInstant);
    return this;
  }

  /** When it last became ACTIVE (default: never). */
  public ModelRecordBuilder activatedAt(String isoInstant) {
    this.activatedAt = Optional.of(Instant.parse(isoInstant));
    return this;
  }

  public ModelRecordBuilder fineTunedFrom(String base) {
    this.fineTunedFrom = Optional.of(ModelVersion.of(base));
    return this;
  }

  public ModelRecordBuilder withArtifact(ModelArtifact newArtifact) {
    this.artifact = newArtifact;
    return this;
  }

  /** The artifact the record's checksum names. */
  public ModelArtifact artifact() {
    return artifact != null
        ? artifact
        : ModelArtifact.of(("model " + version).getBytes(StandardCharsets.UTF_8));
  }

  public ModelRecord build() {
    return new ModelRecord(
        ModelVersion.of(version),
        status,
        tasks,
        new Provenance(window, seed, hyperparameters, metrics, createdAt, fineTunedFrom),
        artifact().checksum(),
        createdAt,
        activatedAt);
  }
}
