package io.mmq.core.classification.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How classification serves concurrent calls: micro-batches of up to {@code maxBatchSize}
 * resources, formed within {@code maxDelay} of the first queued call, run by {@code workers}
 * threads; at most {@code queueCapacity} resources wait (more is refused as overload); a
 * prediction cache of {@code cacheEntries} resources (0: no cache).
 */
public record ServingSettings(
    int maxBatchSize, Duration maxDelay, int queueCapacity, int workers, int cacheEntries) {
  /** The defaults of the configuration: 64 resources, 2 ms, 4096 waiting, 2 workers, 100,000 cached. */
  public static final ServingSettings DEFAULT =
      new ServingSettings(64, Duration.ofMillis(2), 4096, 2, 100_000);

  public ServingSettings {
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
    }
    Objects.requireNonNull(maxDelay, "maxDelay is null");
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay must not be negative, was " + maxDelay);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
    if (cacheEntries < 0) {
      throw new IllegalArgumentException("cacheEntries must not be negative, was " + cacheEntries);
    }
  }

  public ServingSettings withCacheEntries(int entries) {
    return new ServingSettings(maxBatchSize, maxDelay, queueCapacity, workers, entries);
  }
}
