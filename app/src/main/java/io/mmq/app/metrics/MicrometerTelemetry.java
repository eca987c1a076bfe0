package io.mmq.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.model.Decision;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's telemetry as Micrometer meters (exported in Prometheus text format by {@link
 * MetricsEndpoint}). Series, with their Prometheus names:
 *
 * <ul>
 *   <li>{@code mmq_classify_batch_size} histogram: resources per model (micro-)batch;
 *   <li>{@code mmq_classify_queue_depth} gauge: resources waiting to be classified;
 *   <li>{@code mmq_prediction_cache_lookups_total{result="hit"|"miss"}} counter;
 *   <li>{@code mmq_model_active{version}} 1 for the model taking traffic (no series while none is);
 *       {@code mmq_model_load_seconds} gauge: loading and warming it took this long;
 *       {@code mmq_model_expert_utilisation{task,expert}} gauge: its mean gate weights;
 *   <li>{@code mmq_training_step{job}}, {@code mmq_training_progress_ratio{job}}, {@code
 *       mmq_training_loss{job,task}}, {@code mmq_training_validation_auc{job,task}} gauges of the
 *       running jobs (removed when the job ends); {@code mmq_training_jobs_ended_total{state}};
 *   <li>{@code mmq_validation_accuracy} gauge and {@code mmq_validation_last{version,decision}} 1 of
 *       the latest validation run; {@code mmq_validation_runs_total{decision}}.
 * </ul>
 *
 * Every method catches what goes wrong and logs it: telemetry never fails the caller.
 */
public final class MicrometerTelemetry implements Telemetry {
  private static final Logger log = LoggerFactory.getLogger(MicrometerTelemetry.class);
  private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096};

  private final MeterRegistry registry;
  private final DistributionSummary batchSizes;
  private final Gauges gauges;
  private final AtomicInteger queueDepth = new AtomicInteger();

  @Inject
  public MicrometerTelemetry(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.gauges = new Gauges(registry);
    this.batchSizes =
        DistributionSummary.builder("mmq.classify.batch.size")
            .description("Resources per model (micro-)batch")
            .serviceLevelObjectives(BATCH_BUCKETS)
            .register(registry);
    Gauge.builder("mmq.classify.queue.depth", queueDepth, AtomicInteger::get)
        .description("Resources waiting in the classification queue")
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void classifyBatch(int resources) {
    safely("classifyBatch", () -> batchSizes.record(resources));
  }

  @Override
  public void queueDepth(int waiting) {
    queueDepth.set(waiting);
  }

  @Override
  public void predictionCache(int hits, int misses) {
    safely("predictionCache", () -> {
      lookups("hit").increment(hits);
      lookups("miss").increment(misses);
    });
  }

  private Counter lookups(String result) {
    return Counter.builder("mmq.prediction.cache.lookups")
        .description("Prediction cache lookups: answered from the cache (hit) or predicted (miss)")
        .tag("result", result)
        .register(registry);
  }

  @Override
  public void activeModel(
      Optional<ModelVersion> version, Duration loadAndWarmUp, Optional<ExpertUtilisation> utilisation) {
    safely("activeModel", () -> {
      gauges.removeAll("mmq.model.active", tags -> true);
      gauges.removeAll("mmq.model.expert.utilisation", tags -> true);
      if (version.isEmpty()) {
        return;
      }
      gauges.set("mmq.model.active", "1 for the model version taking the traffic", Tags.of("version", version.get().value()), 1);
      gauges.set("mmq.model.load.seconds", "Seconds the active model took to load and warm up", Tags.empty(),
          loadAndWarmUp.toNanos() / 1e9);
      utilisation.ifPresent(u -> u.weights().forEach((task, weights) -> {
        for (int expert = 0; expert < weights.size(); expert++) {
          gauges.set("mmq.model.expert.utilisation", "Mean gate weight of each task on each expert of the active model",
              Tags.of("task", task.value(), "expert", Integer.toString(expert)), weights.get(expert));
        }
      }));
    });
  }

  @Override
  public void trainingProgress(JobId job, TrainingProgress progress) {
    safely("trainingProgress", () -> {
      Tags jobTag = Tags.of("job", job.value());
      gauges.set("mmq.training.step", "Steps done by a running training job", jobTag, progress.step());
      if (progress.totalSteps() > 0) {
        gauges.set("mmq.training.progress.ratio", "Share of its steps a running training job has done", jobTag,
            Math.min(1.0, progress.step() / (double) progress.totalSteps()));
      }
      progress.taskLoss().forEach((task, loss) -> gauges.set("mmq.training.loss",
          "Latest training loss of a running job, per task", jobTag.and("task", task.value()), loss));
      progress.validationAuc().forEach((task, auc) -> gauges.set("mmq.training.validation.auc",
          "Latest held-out AUC of a running job, per task", jobTag.and("task", task.value()), auc));
    });
  }

  @Override
  public void trainingEnded(JobId job, JobState state) {
    safely("trainingEnded", () -> {
      Predicate<Tags> ofJob = tags -> job.value().equals(tagValue(tags, "job"));
      for (String name : List.of("mmq.training.step", "mmq.training.progress.ratio", "mmq.training.loss", "mmq.training.validation.auc")) {
        gauges.removeAll(name, ofJob);
      }
      Counter.builder("mmq.training.jobs.ended")
          .description("Training jobs ended, by final state")
          .tag("state", state.name())
          .register(registry)
          .increment();
    });
  }

  @Override
  public void validation(ModelVersion version, double accuracy, Decision decision) {
    safely("validation", () -> {
      gauges.set("mmq.validation.accuracy", "Coincidence accuracy of the latest validation run", Tags.empty(), accuracy);
      gauges.removeAll("mmq.validation.last", tags -> true);
      gauges.set("mmq.validation.last", "1 for the model version and decision of the latest validation run",
          Tags.of("version", version.value(), "decision", decision.name()), 1);
      Counter.builder("mmq.validation.runs")
          .description("Validation runs, by decision")
          .tag("decision", decision.name())
          .register(registry)
          .increment();
    });
  }

  private static String tagValue(Tags tags, String key) {
    return tags.stream().filter(tag -> tag.getKey().equals(key)).map(io.micrometer.core.instrument.Tag::getValue)
        .findFirst().orElse(null);
  }

  private static void safely(String what, Runnable report) {
    try {
      report.run();
    } catch (RuntimeException e) {
      log.warn("telemetry {} could not be recorded: {}", what, e.toString());
    }
  }

  /** Gauges that hold their own values (strongly referenced) and can be removed series by series. */
  private static final class Gauges {
    private record Series(String name, Tags tags) {}

    private final MeterRegistry registry;
    private final Map<Series, Held> held = new HashMap<>();

    Gauges(MeterRegistry registry) {
      this.registry = registry;
    }

    synchronized void set(String name, String description, Tags tags, double value) {
      held.computeIfAbsent(new Series(name, tags), series -> {
        AtomicReference<Double> cell = new AtomicReference<>(0.0);
        Gauge gauge = Gauge.builder(name, cell, AtomicReference::get)
            .description(description)
            .tags(tags)
            .strongReference(true)
            .register(registry);
        return new Held(cell, gauge);
      }).value().set(value);
    }

    synchronized void removeAll(String name, Predicate<Tags> which) {
      held.entrySet().removeIf(entry -> {
        if (entry.getKey().name().equals(name) && which.test(entry.getKey().tags())) {
          registry.remove(entry.getValue().gauge());
          return true;
        }
        return false;
      });
    }

    private record Held(AtomicReference<Double> value, Gauge gauge) {}
  }
}
