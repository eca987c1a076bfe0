package io.mmq.core.testing.fake;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link ModelRegistry} that keeps its contract: at most one ACTIVE model (activating
 * one, registering an ACTIVE record or setting a status to ACTIVE retires the previous active one
 * in the same step); a version is registered once ({@link ConflictException} otherwise); the
 * record's checksum must be the artifact's; {@link #loadArtifact} verifies the checksum, so {@link
 * #corruptArtifact} makes it throw {@link ModelArtifact.CorruptArtifactException}. Listed newest
 * first (creation time, then registration order). Thread-safe.
 */
public final class InMemoryModelRegistry implements ModelRegistry {
  private record Entry(ModelRecord record, byte[] bytes, long sequence) {
    Entry with(ModelRecord newRecord) {
      return new Entry(newRecord, bytes, sequence);
    }
  }

  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparing((Entry entry) -> entry.record().createdAt())
          .thenComparingLong(Entry::sequence)
          .reversed();

  private final Map<ModelVersion, Entry> entries = new LinkedHashMap<>();
  private final List<ModelVersion> activations = new ArrayList<>();
  private final FaultSwitch faults = new FaultSwitch("model registry");
  private long nextSequence;

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public synchronized void register(ModelRecord record, ModelArtifact artifact) {
    Objects.requireNonNull(record, "record is null");
    Objects.requireNonNull(artifact, "artifact is null");
    if (!record.checksum().equals(artifact.checksum())) {
      throw new IllegalArgumentException(
          "record checksum " + record.checksum() + " is not the artifact's " + artifact.checksum());
    }
    if (entries.containsKey(record.version())) {
      throw new ConflictException("model " + record.version() + " is already registered");
    }
    faults.checkWrite();
    if (record.status() == ModelStatus.ACTIVE) {
      retireActive();
      activations.add(record.version());
    }
    entries.put(record.version(), new Entry(record, artifact.bytes(), nextSequence++));
  }

  @Override
  public synchronized Optional<ModelRecord> find(ModelVersion version) {
    Objects.requireNonNull(version, "version is null");
    faults.checkRead();
    return Optional.ofNullable(entries.get(version)).map(Entry::record);
  }

  @Override
  public synchronized List<ModelRecord> list() {
    faults.checkRead();
    return entries.values().stream().sorted(NEWEST_FIRST).map(Entry::record).toList();
  }

  @Override
  public synchronized Optional<ModelRecord> active() {
    faults.checkRead();
    return entries.values().stream()
        .map(Entry::record)
        .filter(record -> record.status() == ModelStatus.ACTIVE)
        .findFirst();
  }

  @Override
  public synchronized ModelArtifact loadArtifact(ModelVersion version) {
    faults.checkRead();
    Entry entry = require(version);
    return ModelArtifact.verified(entry.bytes(), entry.record().checksum());
  }

  @Override
  public synchronized void activate(ModelVersion version, Instant activatedAt) {
    Objects.requireNonNull(activatedAt, "activatedAt is null");
    Entry entry = require(version);
    faults.checkWrite();
    if (entry.record().status() == ModelStatus.ACTIVE) {
      return;
    }
    retireActive();
    entries.put(version, entry.with(entry.record().activated(activatedAt)));
    activations.add(version);
  }

  @Override
  public synchronized void setStatus(ModelVersion version, ModelStatus status) {
    Objects.requireNonNull(status, "status is null");
    if (status == ModelStatus.ACTIVE) {
      throw new IllegalArgumentException("a model becomes ACTIVE through activate, not setStatus");
    }
    Entry entry = require(version);
    faults.checkWrite();
    entries.put(version, entry.with(entry.record().withStatus(status)));
  }

  /** Flips one byte of a stored artifact, so that loading it fails its checksum (test hook). */
  public synchronized void corruptArtifact(ModelVersion version) {
    Entry entry = require(version);
    byte[] bytes = entry.bytes().clone();
    if (bytes.length == 0) {
      bytes = new byte[] {1};
    } else {
      bytes[bytes.length / 2] ^= 0x5a;
    }
    entries.put(version, new Entry(entry.record(), bytes, entry.sequence()));
  }

  /** Every version made active, in order (test inspection). */
  public synchronized List<ModelVersion> activations() {
    return List.copyOf(activations);
  }

  private Entry require(ModelVersion version) {
    Objects.requireNonNull(version, "version is null");
    Entry entry = entries.get(version);
    if (entry == null) {
      throw new NotFoundException("model " + version + " not found");
    }
    return entry;
  }

  private void retireActive() {
    for (Map.Entry<ModelVersion, Entry> each : entries.entrySet()) {
      if (each.getValue().record().status() == ModelStatus.ACTIVE) {
        each.setValue(each.getValue().with(each.getValue().record().withStatus(ModelStatus.RETIRED)));
      }
    }
  }
}
