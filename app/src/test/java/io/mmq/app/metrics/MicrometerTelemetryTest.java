package io.mmq.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.model.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The telemetry as a Prometheus server would see it: scraped over HTTP and parsed. */
class MicrometerTelemetryTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerTelemetry telemetry = new MicrometerTelemetry(registry);
  private final MetricsEndpoint endpoint = MetricsEndpoint.start(registry, "127.0.0.1", 0);

  @AfterEach
  void close() {
    endpoint.close();
  }

  @Test
  void batchesQueueAndCacheAreExported() throws Exception {
    telemetry.classifyBatch(1);
    telemetry.classifyBatch(30);
    telemetry.classifyBatch(64);
    telemetry.queueDepth(17);
    telemetry.predictionCache(3, 5);
    telemetry.predictionCache(2, 0);

    PrometheusText scrape = PrometheusText.scrape(endpoint.port());

    assertThat(scrape.types()).containsEntry("mmq_classify_batch_size", "histogram");
    assertThat(scrape.value("mmq_classify_batch_size_count", Map.of())).contains(3.0);
    assertThat(scrape.value("mmq_classify_batch_size_sum", Map.of())).contains(95.0);
    Map<Double, Double> buckets = scrape.buckets("mmq_classify_batch_size", Map.of());
    assertThat(buckets).containsEntry(1.0, 1.0).containsEntry(16.0, 1.0).containsEntry(32.0, 2.0)
        .containsEntry(64.0, 3.0).containsEntry(Double.POSITIVE_INFINITY, 3.0);
    assertThat(scrape.value("mmq_classify_queue_depth", Map.of())).contains(17.0);
    assertThat(scrape.value("mmq_prediction_cache_lookups_total", Map.of("result", "hit"))).contains(5.0);
    assertThat(scrape.value("mmq_prediction_cache_lookups_total", Map.of("result", "miss"))).contains(5.0);
  }

  @Test
  void theActiveModelItsLoadTimeAndExpertUseReplaceThePreviousOnes() throws Exception {
    TaskName ctr = TaskName.of("ctr");
    TaskName dwell = TaskName.of("dwell");
    telemetry.activeModel(Optional.of(ModelVersion.of("m-1")), Duration.ofMillis(2500),
        Optional.of(new ExpertUtilisation(2, Map.of(ctr, List.of(0.25, 0.75), dwell, List.of(0.5, 0.5)))));
    telemetry.activeModel(Optional.of(ModelVersion.of("m-2")), Duration.ofMillis(1200),
        Optional.of(new ExpertUtilisation(2, Map.of(ctr, List.of(0.9, 0.1)))));

    PrometheusText scrape = PrometheusText.scrape(endpoint.port());

    assertThat(scrape.find("mmq_model_active", Map.of())).singleElement()
        .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("version", "m-2")))
        .satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
    assertThat(scrape.value("mmq_model_load_seconds", Map.of())).hasValueSatisfying(v -> assertThat(v).isCloseTo(1.2, within(1e-9)));
    assertThat(scrape.value("mmq_model_expert_utilisation", Map.of("task", "ctr", "expert", "0"))).contains(0.9);
    assertThat(scrape.value("mmq_model_expert_utilisation", Map.of("task", "ctr", "expert", "1"))).contains(0.1);
    assertThat(scrape.find("mmq_model_expert_utilisation", Map.of("task", "dwell"))).as("not in the new model").isEmpty();

    telemetry.activeModel(Optional.empty(), Duration.ZERO, Optional.empty());
    PrometheusText none = PrometheusText.scrape(endpoint.port());
    assertThat(none.find("mmq_model_active", Map.of())).isEmpty();
    assertThat(none.find("mmq_model_expert_utilisation", Map.of())).isEmpty();
  }

  @Test
  void trainingProgressWhileRunningAndEndedJobsByState() throws Exception {
    JobId job = new JobId("j-7");
    telemetry.trainingProgress(job, new TrainingProgress(40, 200,
        Map.of(TaskName.of("ctr"), 0.61, TaskName.of("dwell"), 0.58), Map.of(TaskName.of("ctr"), 0.7)));
    telemetry.trainingProgress(job, new TrainingProgress(100, 200, Map.of(TaskName.of("ctr"), 0.42), Map.of()));

    PrometheusText running = PrometheusText.scrape(endpoint.port());
    assertThat(running.value("mmq_training_step", Map.of("job", "j-7"))).contains(100.0);
    assertThat(running.value("mmq_training_progress_ratio", Map.of("job", "j-7"))).contains(0.5);
    assertThat(running.value("mmq_training_loss", Map.of("job", "j-7", "task", "ctr"))).contains(0.42);
    assertThat(running.value("mmq_training_loss", Map.of("job", "j-7", "task", "dwell"))).contains(0.58);
    assertThat(running.value("mmq_training_validation_auc", Map.of("job", "j-7", "task", "ctr"))).contains(0.7);

    telemetry.trainingEnded(job, JobState.SUCCEEDED);
    telemetry.trainingEnded(new JobId("j-8"), JobState.FAILED);
    telemetry.trainingEnded(new JobId("j-9"), JobState.SUCCEEDED);

    PrometheusText ended = PrometheusText.scrape(endpoint.port());
    assertThat(ended.find("mmq_training_step", Map.of())).isEmpty();
    assertThat(ended.find("mmq_training_loss", Map.of())).isEmpty();
    assertThat(ended.value("mmq_training_jobs_ended_total", Map.of("state", "SUCCEEDED"))).contains(2.0);
    assertThat(ended.value("mmq_training_jobs_ended_total", Map.of("state", "FAILED"))).contains(1.0);
  }

  @Test
  void theLatestValidationIsExported() throws Exception {
    telemetry.validation(ModelVersion.of("m-1"), 0.93, Decision.KEEP);
    telemetry.validation(ModelVersion.of("m-1"), 0.55, Decision.UPDATE);

    PrometheusText scrape = PrometheusText.scrape(endpoint.port());

    assertThat(scrape.value("mmq_validation_accuracy", Map.of())).contains(0.55);
    assertThat(scrape.find("mmq_validation_last", Map.of())).singleElement()
        .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("version", "m-1", "decision", "UPDATE")));
    assertThat(scrape.value("mmq_validation_runs_total", Map.of("decision", "KEEP"))).contains(1.0);
    assertThat(scrape.value("mmq_validation_runs_total", Map.of("decision", "UPDATE"))).contains(1.0);
  }

  @Test
  void onlyMetricsIsServed() throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response = client.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + endpoint.port() + "/other")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(404);
  }
}
