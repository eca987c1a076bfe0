package io.mmq.grpc.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.training.service.HoldoutSplit;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.Direction;
import io.mmq.proto.v1.EngagementRecord;
import io.mmq.proto.v1.Hyperparameters;
import io.mmq.proto.v1.Paragraph;
import io.mmq.proto.v1.RecordEngagementRequest;
import io.mmq.proto.v1.ReferenceStatistic;
import io.mmq.proto.v1.Resource;
import io.mmq.proto.v1.SetTaskSetRequest;
import io.mmq.proto.v1.Task;
import io.mmq.proto.v1.TaskSet;
import io.mmq.proto.v1.TimeWindow;
import io.mmq.proto.v1.TrainRequest;
import io.mmq.proto.v1.UpsertResourcesRequest;
import io.mmq.proto.v1.UpsertSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A small corpus loaded through the API: six "great story" articles with high click-through and
 * dwell, six "poor story" articles with low ones, engagement on 2016-06-24 (day 1) and 2016-06-25
 * (day 2), and a task set of {@code ctr} (mean reference, weight 1) and {@code dwell} (median
 * reference, weight 0.5). Per day: ctr mean = (6 * 0.05 + 6 * 0.01) / 12 = 0.03, dwell median = (10
 * + 60) / 2 = 35, so every great article is POSITIVE and every poor one NEGATIVE on both.
 */
final class Corpus {
  static final TimeWindow DAY_1 = window("2016-06-24T00:00:00Z", "2016-06-25T00:00:00Z");
  static final TimeWindow DAY_2 = window("2016-06-25T00:00:00Z", "2016-06-26T00:00:00Z");
  static final TimeWindow DAY_3 = window("2016-06-26T00:00:00Z", "2016-06-27T00:00:00Z");
  static final List<String> GREAT = List.of("g-1", "g-2", "g-3", "g-4", "g-5", "g-6");
  static final List<String> POOR = List.of("p-1", "p-2", "p-3", "p-4", "p-5", "p-6");
  static final TaskSet TASKS =
      TaskSet.newBuilder()
          .addTasks(task("ctr", ReferenceStatistic.MEAN, 1.0))
          .addTasks(task("dwell", ReferenceStatistic.MEDIAN, 0.5))
          .build();

  private Corpus() {}

  static TimeWindow window(String start, String end) {
    return TimeWindow.newBuilder().setStart(timestamp(start)).setEnd(timestamp(end)).build();
  }

  static Timestamp timestamp(String iso) {
    Instant instant = Instant.parse(iso);
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static Task task(String name, ReferenceStatistic reference, double weight) {
    return Task.newBuilder()
        .setName(name)
        .setMetric(name)
        .setDirection(Direction.HIGHER_IS_BETTER)
        .setReference(reference)
        .setWeight(weight)
        .build();
  }

  static Resource resource(String id, String title) {
    return Resource.newBuilder()
        .setId(id)
        .setTitle(title)
        .addBlocks(
            io.mmq.proto.v1.ContentBlock.newBuilder()
                .setParagraph(Paragraph.newBuilder().setText("Body of " + id + ".")))
        .setLanguage("en")
        .build();
  }

  static EngagementRecord record(String id, TimeWindow window, double ctr, double dwell) {
    return EngagementRecord.newBuilder()
        .setResourceId(id)
        .setWindowStart(window.getStart())
        .setWindowEnd(window.getEnd())
        .setImpressions(1000)
        .putMetrics("ctr", ctr)
        .putMetrics("dwell", dwell)
        .build();
  }

  /** Stores the task set, the twelve articles and their engagement of days 1 and 2. */
  static void load(GrpcHarness h) {
    h.catalog.setTaskSet(SetTaskSetRequest.newBuilder().setTaskSet(TASKS).build());
    List<Resource> resources = new ArrayList<>();
    GREAT.forEach(id -> resources.add(resource(id, "great story")));
    POOR.forEach(id -> resources.add(resource(id, "poor story")));
    assertThat(
            upload(
                    h,
                    List.of(UpsertResourcesRequest.newBuilder().addAllResources(resources).build()))
                .getAccepted())
        .isEqualTo(12);
    List<EngagementRecord> records = new ArrayList<>();
    for (TimeWindow day : List.of(DAY_1, DAY_2)) {
      GREAT.forEach(id -> records.add(record(id, day, 0.05, 60)));
      POOR.forEach(id -> records.add(record(id, day, 0.01, 10)));
    }
    assertThat(
            record(h, List.of(RecordEngagementRequest.newBuilder().addAllRecords(records).build()))
                .getAccepted())
        .isEqualTo(24);
  }

  /** {@link #load}, then the labels of day 1. */
  static void loadAndLabel(GrpcHarness h) {
    load(h);
    h.training.deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(DAY_1).build());
  }

  /** {@link #loadAndLabel}, then a first model trained on day 1 (it becomes active). */
  static String loadAndTrain(GrpcHarness h) {
    loadAndLabel(h);
    List<io.mmq.proto.v1.TrainProgress> progress = new ArrayList<>();
    h.training.train(train(DAY_1, 4)).forEachRemaining(progress::add);
    return progress.get(progress.size() - 1).getFinished().getModelVersion();
  }

  static TrainRequest train(TimeWindow window, int steps) {
    return TrainRequest.newBuilder()
        .setWindow(window)
        .setSeed(seedHoldingOutBothKinds())
        .setHyperparameters(Hyperparameters.newBuilder().setMaxSteps(steps))
        .setActivateIfNone(true)
        .build();
  }

  /** The first seed whose 20 % hold-out split keeps a great and a poor article aside. */
  static long seedHoldingOutBothKinds() {
    for (long seed = 1; ; seed++) {
      HoldoutSplit split = new HoldoutSplit(seed, 0.2);
      if (GREAT.stream().anyMatch(id -> split.isHeldOut(ResourceId.of(id)))
          && POOR.stream().anyMatch(id -> split.isHeldOut(ResourceId.of(id)))) {
        return seed;
      }
    }
  }

  /** How many of the twelve articles a seed's 20 % split holds out. */
  static long heldOut(long seed) {
    HoldoutSplit split = new HoldoutSplit(seed, 0.2);
    return java.util.stream.Stream.concat(GREAT.stream(), POOR.stream())
        .filter(id -> split.isHeldOut(ResourceId.of(id)))
        .count();
  }

  static UpsertSummary upload(GrpcHarness h, List<UpsertResourcesRequest> messages) {
    return stream(observer -> h.catalogAsync.upsertResources(observer), messages);
  }

  static UpsertSummary record(GrpcHarness h, List<RecordEngagementRequest> messages) {
    return stream(observer -> h.catalogAsync.recordEngagement(observer), messages);
  }

  /** Sends the messages on a client stream and waits (10 s at most) for the summary. */
  static <R> UpsertSummary stream(
      Function<StreamObserver<UpsertSummary>, StreamObserver<R>> call, List<R> messages) {
    CompletableFuture<UpsertSummary> result = new CompletableFuture<>();
    StreamObserver<R> requests =
        call.apply(
            new StreamObserver<>() {
              @Override
              public void onNext(UpsertSummary value) {
                result.complete(value);
              }

              @Override
              public void onError(Throwable t) {
                result.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {}
            });
    messages.forEach(requests::onNext);
    requests.onCompleted();
    try {
      return result.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the upload failed", e);
    }
  }
}
