package io.mmq.core.classification.service;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.telemetry.Telemetry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Telemetry that remembers what serving reported. */
final class RecordingTelemetry implements Telemetry {
  final List<Integer> batches = new CopyOnWriteArrayList<>();
  final List<Integer> depths = new CopyOnWriteArrayList<>();
  final AtomicInteger hits = new AtomicInteger();
  final AtomicInteger misses = new AtomicInteger();
  final List<Optional<ModelVersion>> activeModels = new CopyOnWriteArrayList<>();
  final List<Duration> loadTimes = new CopyOnWriteArrayList<>();

  @Override
  public void classifyBatch(int resources) {
    batches.add(resources);
  }

  @Override
  public void queueDepth(int waiting) {
    depths.add(waiting);
  }

  @Override
  public void predictionCache(int hitCount, int missCount) {
    hits.addAndGet(hitCount);
    misses.addAndGet(missCount);
  }

  @Override
  public void activeModel(
      Optional<ModelVersion> version,
      Duration loadAndWarmUp,
      Optional<ExpertUtilisation> utilisation) {
    activeModels.add(version);
    loadTimes.add(loadAndWarmUp);
  }
}
