package io.mmq.core.classification.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.common.CallerGoneException;
import io.mmq.core.common.CallerState;
import io.mmq.core.common.OverloadedException;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.fake.FakeModels;
import io.mmq.core.testing.fake.FakeQualityModelLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PredictionBatcherTest {
  private final QualityModel model = trainedModel();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private PredictionBatcher batcher;

  @AfterEach
  void close() {
    if (batcher != null) {
      batcher.close();
    }
  }

  @Test
  void concurrentCallsShareBatchesAndGetExactlyTheirUnbatchedPredictions() throws Exception {
    batcher = batcher(new ServingSettings(64, Duration.ofMillis(5), 4096, 1, 0));
    GatedModel gated = new GatedModel(model);
    List<List<Resource>> calls = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      List<Resource> resources = new ArrayList<>();
      for (int r = 0; r <= c % 3; r++) {
        resources.add(aResource().withId("c" + c + "-r" + r).withTitle(c % 2 == 0 ? "great story " + r : "dull day " + c).build());
      }
      calls.add(resources);
    }

    List<CompletableFuture<List<Prediction>>> results = new ArrayList<>();
    results.add(CompletableFuture.supplyAsync(() -> batcher.predict(gated, calls.get(0), CallerState.UNBOUNDED)));
    gated.awaitEntered(); // the first call runs alone; the others queue behind it
    for (List<Resource> call : calls.subList(1, calls.size())) {
      results.add(CompletableFuture.supplyAsync(() -> batcher.predict(gated, call, CallerState.UNBOUNDED)));
    }
    int queued = calls.subList(1, calls.size()).stream().mapToInt(List::size).sum();
    waitUntil(() -> batcher.queuedResources() == queued);
    gated.open();

    for (int c = 0; c < calls.size(); c++) {
      assertThat(results.get(c).get(10, TimeUnit.SECONDS)).isEqualTo(model.predict(calls.get(c)));
    }
    assertThat(gated.batches()).hasSize(2); // 1 call, then the 15 others together
    assertThat(gated.batches().get(1)).hasSize(queued);
    assertThat(telemetry.batches).containsExactly(calls.get(0).size(), queued);
    assertThat(batcher.queuedResources()).isZero();
  }

  @Test
  void aBatchNeverExceedsTheMaximumSizeAndNeverSplitsACall() throws Exception {
    batcher = batcher(new ServingSettings(4, Duration.ofMillis(5), 4096, 1, 0));
    GatedModel gated = new GatedModel(model);
    List<CompletableFuture<List<Prediction>>> results = new ArrayList<>();
    results.add(CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("a", 1), CallerState.UNBOUNDED)));
    gated.awaitEntered();
    for (String call : List.of("b", "c", "d")) {
      results.add(CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources(call, 3), CallerState.UNBOUNDED)));
    }
    results.add(CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("e", 6), CallerState.UNBOUNDED)));
    waitUntil(() -> batcher.queuedResources() == 15);
    gated.open();

    for (CompletableFuture<List<Prediction>> result : results) {
      result.get(10, TimeUnit.SECONDS);
    }
    assertThat(gated.batches()).extracting(List::size).containsOnly(1, 3, 6);
  }

  @Test
  void aFullQueueRefusesTheCall() throws Exception {
    batcher = batcher(new ServingSettings(64, Duration.ZERO, 10, 1, 0));
    GatedModel gated = new GatedModel(model);
    CompletableFuture<List<Prediction>> running =
        CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("a", 1), CallerState.UNBOUNDED));
    gated.awaitEntered();
    CompletableFuture<List<Prediction>> queued =
        CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("b", 6), CallerState.UNBOUNDED));
    waitUntil(() -> batcher.queuedResources() == 6);

    assertThatThrownBy(() -> batcher.predict(gated, resources("c", 5), CallerState.UNBOUNDED))
        .isInstanceOf(OverloadedException.class)
        .hasMessageContaining("queue is full");

    gated.open();
    assertThat(running.get(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(queued.get(10, TimeUnit.SECONDS)).hasSize(6);
    // an empty queue takes a call larger than its capacity
    assertThat(batcher.predict(model, resources("d", 12), CallerState.UNBOUNDED)).hasSize(12);
  }

  @Test
  void aCallerWhoseDeadlinePassesWhileQueuedLeavesTheQueueAndIsNeverPredicted() throws Exception {
    batcher = batcher(new ServingSettings(64, Duration.ZERO, 4096, 1, 0));
    GatedModel gated = new GatedModel(model);
    CompletableFuture<List<Prediction>> running =
        CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("a", 1), CallerState.UNBOUNDED));
    gated.awaitEntered();

    long started = System.nanoTime();
    assertThatThrownBy(() -> batcher.predict(gated, resources("late", 3), deadlineIn(Duration.ofMillis(100))))
        .isInstanceOfSatisfying(CallerGoneException.class,
            e -> assertThat(e.reason()).isEqualTo(CallerGoneException.Reason.DEADLINE_EXCEEDED));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(batcher.queuedResources()).isZero();

    gated.open();
    assertThat(running.get(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(batcher.predict(gated, resources("next", 2), CallerState.UNBOUNDED)).hasSize(2);
    assertThat(gated.batches()).flatExtracting(batch -> batch)
        .extracting(resource -> resource.id().value())
        .noneMatch(id -> id.startsWith("late"));
  }

  @Test
  void aFailingResourceFailsOnlyItsOwnCall() throws Exception {
    batcher = batcher(new ServingSettings(64, Duration.ofMillis(5), 4096, 1, 0));
    QualityModel picky = new RejectingModel(model);
    GatedModel gated = new GatedModel(picky);
    CompletableFuture<List<Prediction>> first =
        CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("a", 1), CallerState.UNBOUNDED));
    gated.awaitEntered();
    CompletableFuture<List<Prediction>> good =
        CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("good", 2), CallerState.UNBOUNDED));
    CompletableFuture<List<Prediction>> bad =
        CompletableFuture.supplyAsync(() -> batcher.predict(gated, resources("bad", 2), CallerState.UNBOUNDED));
    waitUntil(() -> batcher.queuedResources() == 4);
    gated.open();

    assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(model.predict(resources("good", 2)));
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad-0");
  }

  @Test
  void closingFailsLaterCalls() {
    batcher = batcher(ServingSettings.DEFAULT);
    assertThat(batcher.predict(model, resources("a", 2), CallerState.UNBOUNDED)).hasSize(2);

    batcher.close();

    assertThatThrownBy(() -> batcher.predict(model, resources("b", 1), CallerState.UNBOUNDED))
        .isInstanceOf(IllegalStateException.class);
  }

  private PredictionBatcher batcher(ServingSettings settings) {
    return new PredictionBatcher(settings, telemetry);
  }

  private static List<Resource> resources(String prefix, int count) {
    List<Resource> resources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      resources.add(aResource().withId(prefix + "-" + i).withTitle(prefix + " story " + i).build());
    }
    return resources;
  }

  private static CallerState deadlineIn(Duration left) {
    long deadline = System.nanoTime() + left.toNanos();
    return new CallerState() {
      @Override
      public boolean isCancelled() {
        return System.nanoTime() >= deadline;
      }

      @Override
      public OptionalLong nanosLeft() {
        return OptionalLong.of(deadline - System.nanoTime());
      }
    };
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(5);
    }
    assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
  }

  private static QualityModel trainedModel() {
    return new FakeQualityModelLoader().load(FakeModels.artifact(tasksNamed("ctr", "dwell"), "great story"));
  }

  /** Refuses any batch holding a resource whose id starts with "bad". */
  private static final class RejectingModel implements QualityModel {
    private final QualityModel delegate;

    RejectingModel(QualityModel delegate) {
      this.delegate = delegate;
    }

    @Override
    public TaskSet tasks() {
      return delegate.tasks();
    }

    @Override
    public List<Prediction> predict(List<Resource> resources) {
      for (Resource resource : resources) {
        if (resource.id().value().startsWith("bad")) {
          throw new IllegalArgumentException("resource " + resource.id() + " cannot be read");
        }
      }
      return delegate.predict(resources);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
