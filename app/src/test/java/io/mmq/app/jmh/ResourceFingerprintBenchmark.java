package io.mmq.app.jmh;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.service.PredictionCache;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.policy.ResourceFingerprint;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classification service's cache path for one resource: its content hash ({@link
 * ResourceFingerprint}, SHA-256 over every field, image bytes included), and the hash plus a hit in
 * a {@link PredictionCache} of the served version holding {@value #CACHED} entries (the pool's
 * articles among them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ResourceFingerprintBenchmark {
  static final int CACHED = 10_000;

  private static final ModelVersion VERSION = ModelVersion.of("m-20260105-000000-jmh0");

  private PredictionCache cache;

  @Setup
  public void fillCache(Articles articles) {
    cache = new PredictionCache(100_000); // serving.cache.entries' default
    cache.reset(Optional.of(VERSION));
    SplittableRandom random = new SplittableRandom(BenchmarkData.SEED);
    byte[] hash = new byte[32];
    for (int i = 0; cache.size() < CACHED - Articles.POOL; i++) {
      random.nextBytes(hash);
      ResourceId id = ResourceId.of("cached-" + i);
      cache.put(VERSION, new ResourceFingerprint(HexFormat.of().formatHex(hash)), prediction(id, random));
    }
    for (Resource article : articles.all()) {
      cache.put(VERSION, ResourceFingerprint.of(article), prediction(article.id(), random));
    }
    if (cache.size() != CACHED) {
      throw new IllegalStateException("the cache holds " + cache.size() + " entries, not " + CACHED);
    }
  }

  @Benchmark
  public ResourceFingerprint fingerprint(Articles articles) {
    return ResourceFingerprint.of(articles.next());
  }

  @Benchmark
  public Prediction cachedLookup(Articles articles) {
    return cache.get(VERSION, ResourceFingerprint.of(articles.next())).orElseThrow();
  }

  private static Prediction prediction(ResourceId id, SplittableRandom random) {
    Map<TaskName, TaskPrediction> tasks = new LinkedHashMap<>();
    for (TaskName task : TaskSet.defaults().names()) {
      tasks.put(task, TaskPrediction.of(random.nextDouble()));
    }
    return new Prediction(id, tasks);
  }
}
