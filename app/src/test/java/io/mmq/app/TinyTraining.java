package io.mmq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.proto.v1.Hyperparameters;
import io.mmq.proto.v1.TrainProgress;
import io.mmq.proto.v1.TrainRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Trains a tiny model over gRPC, for tests that need real models fast. */
final class TinyTraining {
  /** A tiny model (small vocabularies, layouts and layers) that trains and loads in seconds. */
  static final Hyperparameters TINY =
      Hyperparameters.newBuilder().setMaxSteps(20).setBatchSize(32).setEvalEverySteps(10)
          .setExperts(2).setExpertUnits(16)
          .putAllExtra(Map.of(
              "embeddingDim", "8", "hashBuckets", "1024", "categoricalBuckets", "64",
              "maxTitleWords", "8", "maxTagWords", "4", "maxSentences", "4", "maxWords", "10",
              "maxImages", "2", "maxLayout", "10", "lstmUnits", "8"))
          .putAllExtra(Map.of(
              "convFilters", "8", "imageFilters", "4", "fieldDim", "8", "towerDim", "8"))
          .build();

  private TinyTraining() {}

  /** Trains on the window's labels with the seed; returns the new model's version. */
  static String train(TrainingServiceGrpc.TrainingServiceBlockingStub training, TimeWindow window, long seed) {
    Iterator<TrainProgress> stream = training
        .withDeadlineAfter(2, TimeUnit.MINUTES)
        .train(TrainRequest.newBuilder().setWindow(EngagementMapper.toProto(window)).setSeed(seed)
            .setHyperparameters(TINY).build());
    TrainProgress last = null;
    while (stream.hasNext()) {
      last = stream.next();
    }
    assertThat(last).isNotNull();
    assertThat(last.hasFinished()).isTrue();
    return last.getFinished().getModelVersion();
  }
}
