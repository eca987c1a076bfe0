package io.mmq.core.classification.service;

import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Holds the loaded {@link QualityModel} of the active version, so that classification does not
 * load a model per call. Every use asks the registry which version is active; when it changed, the
 * new version is loaded (once, under a lock) and swapped in, and the old model is closed as soon as
 * the calls still using it have finished: a swap never fails or cuts short a call in flight (R19).
 * A failed load leaves the previous state in place and rethrows. Thread-safe.
 */
public final class ActiveModelHolder implements AutoCloseable {
  /** What a caller sees when no model is active. */
  public static final String NO_ACTIVE_MODEL =
      "no model is active: train a model (the first one becomes active) or promote one";

  private final ModelRegistry registry;
  private final QualityModelLoader loader;
  private final Object lock = new Object();
  private volatile Loaded current;
  private boolean closed;

  public ActiveModelHolder(ModelRegistry registry, QualityModelLoader loader) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.loader = Objects.requireNonNull(loader, "loader is null");
  }

  /**
   * Runs {@code work} with the active model's record and loaded model; the model stays open until
   * {@code work} returns.
   *
   * @throws PreconditionFailedException when no model is active
   */
  public <T> T withActiveModel(BiFunction<ModelRecord, QualityModel, T> work) {
    Objects.requireNonNull(work, "work is null");
    Loaded loaded = acquire();
    try {
      return work.apply(loaded.record, loaded.model);
    } finally {
      loaded.release();
    }
  }

  /** Loads the active version now if it is not loaded yet (warm-up); returns it. */
  public Optional<ModelVersion> refresh() {
    try {
      return Optional.of(withActiveModel((record, model) -> record.version()));
    } catch (PreconditionFailedException e) {
      return Optional.empty();
    }
  }

  /** The version loaded now, if any. */
  public Optional<ModelVersion> loadedVersion() {
    Loaded loaded = current;
    return loaded == null ? Optional.empty() : Optional.of(loaded.record.version());
  }

  /** Closes the loaded model once its last call ends; later uses fail. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      replace(null);
    }
  }

  private Loaded acquire() {
    Optional<ModelRecord> active = registry.active();
    Loaded loaded = current;
    if (active.isPresent()
        && loaded != null
        && loaded.record.version().equals(active.get().version())
        && loaded.tryAcquire()) {
      return loaded;
    }
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the active model holder is closed");
      }
      Optional<ModelRecord> latest = registry.active(); // newest view, never a stale one
      if (latest.isEmpty()) {
        replace(null);
        throw new PreconditionFailedException(NO_ACTIVE_MODEL);
      }
      loaded = current;
      if (loaded == null || !loaded.record.version().equals(latest.get().version())) {
        ModelRecord record = latest.get();
        QualityModel model = loader.load(registry.loadArtifact(record.version()));
        replace(new Loaded(record, model));
      }
      Loaded now = current;
      if (!now.tryAcquire()) {
        throw new IllegalStateException("the current model was released while held");
      }
      return now;
    }
  }

  /** Swaps the current model (under the lock) and drops the holder's reference to the old one. */
  private void replace(Loaded next) {
    Loaded previous = current;
    current = next;
    if (previous != null) {
      previous.release();
    }
  }

  /** A loaded model with a count of its users; the holder itself counts as one while current. */
  private static final class Loaded {
    final ModelRecord record;
    final QualityModel model;
    final AtomicInteger users = new AtomicInteger(1);

    Loaded(ModelRecord record, QualityModel model) {
      this.record = record;
      this.model = model;
    }

    boolean tryAcquire() {
      while (true) {
        int count = users.get();
        if (count == 0) {
          return false;
        }
        if (users.compareAndSet(count, count + 1)) {
          return true;
        }
      }
    }

    void release() {
      if (users.decrementAndGet() == 0) {
        model.close();
      }
    }
  }
}
