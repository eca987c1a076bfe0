package io.mmq.core.classification.service;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Holds the loaded {@link QualityModel} of the active version and serves it without asking the
 * registry per call (R19 hot swap).
 *
 * <p>A new model takes the traffic only once loaded and warmed up (its first predictions on a
 * {@link WarmUpBatch}), in one atomic swap: calls in flight finish on the model they started with,
 * which is closed after its last user. Swaps come from {@link #activate} (an in-process promotion,
 * rollback or first activation: the candidate is loaded and warmed up before the registry is
 * switched, so a model that cannot be served is refused while the active one keeps serving) and
 * from {@link #refresh} (a poller that picks up an activation made by another process). Before the
 * first swap, the first call loads the active version itself. Thread-safe.
 */
public final class ActiveModelHolder implements AutoCloseable {
  /** What a caller sees when no model is active. */
  public static final String NO_ACTIVE_MODEL =
      "no model is active: train a model (the first one becomes active) or promote one";

  private static final int WARM_UP_SIZE = 8;
  /** How long {@link #refresh} leaves a version that could not be served before trying again. */
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

  private final ModelRegistry registry;
  private final QualityModelLoader loader;
  private final Telemetry telemetry;
  private final List<Resource> warmUpBatch;
  private final List<Consumer<Optional<ModelVersion>>> swapListeners =
      new CopyOnWriteArrayList<>();
  private final Object swapLock = new Object();
  private final LongSupplier nanoTime;
  private volatile Loaded current;
  private volatile boolean closed;
  private Refusal refusal; // guarded by swapLock

  public ActiveModelHolder(ModelRegistry registry, QualityModelLoader loader) {
    this(registry, loader, Telemetry.NONE, WarmUpBatch.synthetic(WARM_UP_SIZE));
  }

  public ActiveModelHolder(
      ModelRegistry registry,
      QualityModelLoader loader,
      Telemetry telemetry,
      List<Resource> warmUpBatch) {
    this(registry, loader, telemetry, warmUpBatch, System::nanoTime);
  }

  ActiveModelHolder(
      ModelRegistry registry,
      QualityModelLoader loader,
      Telemetry telemetry,
      List<Resource> warmUpBatch,
      LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime is null");
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.loader = Objects.requireNonNull(loader, "loader is null");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry is null");
    this.warmUpBatch = List.copyOf(Objects.requireNonNull(warmUpBatch, "warmUpBatch is null"));
    if (this.warmUpBatch.isEmpty()) {
      throw new IllegalArgumentException("warmUpBatch is empty: give at least one resource");
    }
  }

  /**
   * Runs {@code work} with the serving model's record and loaded model; the model stays open until
   * {@code work} returns. Asks the registry only while no model is loaded.
   *
   * @throws PreconditionFailedException when no model is active, or the active one cannot be served
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

  /**
   * Brings the served model in line with the registry: when another version is active, loads and
   * warms it up, then swaps it in; when none is, stops serving. Returns the version served after.
   * A version that could not be served is not loaded again for a while (5 s, doubling up to 5
   * minutes while it keeps failing): until then the same refusal is thrown at once, so a poller
   * does not reload a broken artifact every second. Another active version is tried at once.
   *
   * @throws PreconditionFailedException when the active version cannot be served (the model
   *     served before keeps serving)
   * @throws StorageUnavailableException when the registry cannot be read
   */
  public Optional<ModelVersion> refresh() {
    synchronized (swapLock) {
      requireOpen();
      Optional<ModelRecord> active = registry.active();
      Loaded loaded = current;
      if (active.isEmpty()) {
        if (loaded != null) {
          swap(null, Duration.ZERO, Optional.empty());
        }
        return Optional.empty();
      }
      if (loaded != null && loaded.record.version().equals(active.get().version())) {
        return Optional.of(loaded.record.version());
      }
      ModelVersion wanted = active.get().version();
      if (refusal != null && refusal.version.equals(wanted) && nanoTime.getAsLong() < refusal.retryAt) {
        throw refusal.failure;
      }
      long start = System.nanoTime();
      Prepared next;
      try {
        next = prepare(active.get());
      } catch (PreconditionFailedException e) {
        Duration wait = refusal != null && refusal.version.equals(wanted)
            ? min(refusal.backOff.multipliedBy(2), LONGEST_RETRY)
            : FIRST_RETRY;
        refusal = new Refusal(wanted, e, wait, nanoTime.getAsLong() + wait.toNanos());
        throw e;
      }
      refusal = null;
      swap(next.loaded, Duration.ofNanos(System.nanoTime() - start), next.utilisation);
      return Optional.of(wanted);
    }
  }

  /**
   * Makes {@code target} the served model: loads it and warms it up, then runs {@code
   * registrySwitch} (which records it as active) and swaps it in. When it cannot be loaded, nothing
   * changes: neither the registry nor the served model. When the switch fails, the loaded
   * candidate is closed and the failure rethrown.
   *
   * @throws PreconditionFailedException naming the version and the reason it cannot be served
   */
  public void activate(ModelRecord target, Runnable registrySwitch) {
    Objects.requireNonNull(target, "target is null");
    Objects.requireNonNull(registrySwitch, "registrySwitch is null");
    synchronized (swapLock) {
      requireOpen();
      Loaded loaded = current;
      if (loaded != null && loaded.record.version().equals(target.version())) {
        registrySwitch.run();
        return;
      }
      long start = System.nanoTime();
      Prepared next = prepare(target);
      try {
        registrySwitch.run();
      } catch (RuntimeException e) {
        next.loaded.release();
        throw e;
      }
      swap(next.loaded, Duration.ofNanos(System.nanoTime() - start), next.utilisation);
    }
  }

  /** The version served now, if any. */
  public Optional<ModelVersion> loadedVersion() {
    Loaded loaded = current;
    return loaded == null ? Optional.empty() : Optional.of(loaded.record.version());
  }

  /** Calls {@code listener} with the newly served version (empty: none) after every swap. */
  public void addSwapListener(Consumer<Optional<ModelVersion>> listener) {
    swapListeners.add(Objects.requireNonNull(listener, "listener is null"));
  }

  /** Closes the loaded model once its last call ends; later uses fail. */
  @Override
  public void close() {
    synchronized (swapLock) {
      closed = true;
      Loaded previous = current;
      current = null;
      if (previous != null) {
        previous.release();
      }
    }
  }

  private Loaded acquire() {
    Loaded loaded = current;
    if (loaded != null && loaded.tryAcquire()) {
      return loaded;
    }
    synchronized (swapLock) {
      loaded = current;
      if (loaded == null) {
        refresh();
        loaded = current;
      }
      if (loaded == null) {
        throw new PreconditionFailedException(NO_ACTIVE_MODEL);
      }
      if (!loaded.tryAcquire()) {
        throw new IllegalStateException("the current model was released while held");
      }
      return loaded;
    }
  }

  /** A loaded, warmed-up model not yet served, with its experts' use on the warm-up batch. */
  private record Prepared(Loaded loaded, Optional<ExpertUtilisation> utilisation) {}

  private Prepared prepare(ModelRecord record) {
    QualityModel model;
    try {
      model = loader.load(registry.loadArtifact(record.version()));
    } catch (StorageUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw cannotServe(record, e);
    }
    try {
      int predicted = model.predict(warmUpBatch).size();
      if (predicted != warmUpBatch.size()) {
        throw new IllegalStateException(
            "it returned " + predicted + " predictions for " + warmUpBatch.size() + " resources");
      }
      return new Prepared(new Loaded(record, model), model.expertUtilisation(warmUpBatch));
    } catch (RuntimeException e) {
      model.close();
      throw cannotServe(record, e);
    }
  }

  private PreconditionFailedException cannotServe(ModelRecord record, RuntimeException cause) {
    String reason =
        cause.getMessage() == null || cause.getMessage().isBlank()
            ? cause.getClass().getSimpleName()
            : cause.getMessage();
    Loaded serving = current;
    String stays =
        serving == null
            ? "no model is served"
            : "model " + serving.record.version() + " stays active and serving";
    return new PreconditionFailedException(
        "model " + record.version() + " cannot be served: " + reason + "; " + stays, cause);
  }

  /** Swaps the served model (under the swap lock) and drops the holder's hold on the old one. */
  private void swap(Loaded next, Duration loadAndWarmUp, Optional<ExpertUtilisation> utilisation) {
    Loaded previous = current;
    current = next;
    if (previous != null) {
      previous.release();
    }
    Optional<ModelVersion> version =
        next == null ? Optional.empty() : Optional.of(next.record.version());
    for (Consumer<Optional<ModelVersion>> listener : swapListeners) {
      listener.accept(version);
    }
    telemetry.activeModel(version, loadAndWarmUp, utilisation);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the active model holder is closed");
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** A version {@link #refresh} could not serve, and when it may try it again. */
  private record Refusal(
      ModelVersion version, PreconditionFailedException failure, Duration backOff, long retryAt) {}
}
