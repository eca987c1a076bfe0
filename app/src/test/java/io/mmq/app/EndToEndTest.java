package io.mmq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.mmq.app.config.MmqConfig;
import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.app.generate.GeneratorConfig;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.DeriveLabelsResponse;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.GetModelRequest;
import io.mmq.proto.v1.Hyperparameters;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ModelInfo;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.ModelStatus;
import io.mmq.proto.v1.PromoteModelRequest;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.RerankResponse;
import io.mmq.proto.v1.RollbackModelRequest;
import io.mmq.proto.v1.TrainProgress;
import io.mmq.proto.v1.TrainRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import io.mmq.proto.v1.ValidateRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service over a real TCP port with the generated stubs: the production injector on an
 * embedded H2 database, the real TensorFlow model (small and seeded), and the flows of a user:
 * import, labels, train with streamed progress, validate, classify, rerank, promote, rollback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
  private static final Hyperparameters SMALL =
      Hyperparameters.newBuilder().setMaxSteps(60).setBatchSize(32).putExtra("evalEvery", "20").build();

  private LocalServer local;
  private ManagedChannel channel;
  private Corpus corpus;
  private List<TimeWindow> windows;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    local = new LocalServer(MmqConfig.defaultsOnly().with("data.dir", dataDir.toString()).with("metrics.port", "0"));
    channel = local.channel;
    GeneratorConfig config = GeneratorConfig.DEFAULT.withArticles(360).withWindows(3).withSeed(11);
    corpus = new CorpusGenerator(config).generate();
    windows = config.timeWindows();
  }

  @AfterAll
  void stop() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  @Order(1)
  void beforeAnyModelClassificationIsNotServingAndClassifySaysWhatToDo() throws Exception {
    var health = HealthGrpc.newBlockingStub(channel);
    assertThat(health.check(HealthCheckRequest.newBuilder().setService("mmq.v1.ClassificationService").build()).getStatus())
        .isEqualTo(ServingStatus.NOT_SERVING);
    var classify = ClassificationServiceGrpc.newBlockingStub(channel);
    assertThatThrownBy(() -> classify.classify(ClassifyRequest.newBuilder()
            .addItems(ClassifyItem.newBuilder().setResource(ResourceMapper.toProto(corpus.resources().get(0)))).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).contains("train");
        });
  }

  @Test
  @Order(2)
  void importsTheCatalogueAndEngagementThroughClientStreams() throws Exception {
    CorpusUpload.Summaries summaries =
        CorpusUpload.upload(
            corpus, CatalogServiceGrpc.newBlockingStub(channel), CatalogServiceGrpc.newStub(channel));

    assertThat(summaries.resources().getAccepted()).isEqualTo(corpus.resources().size());
    assertThat(summaries.resources().getRejected()).isZero();
    assertThat(summaries.engagement().getAccepted()).isEqualTo(corpus.engagement().size());
  }

  @Test
  @Order(3)
  void derivesLabelsPerWindow() {
    DeriveLabelsResponse labels = TrainingServiceGrpc.newBlockingStub(channel).deriveLabels(
        DeriveLabelsRequest.newBuilder().setWindow(EngagementMapper.toProto(all())).build());

    assertThat(labels.getTasksMap()).containsOnlyKeys("ctr", "dwell", "comment_rate", "bounce");
    labels.getTasksMap().values().forEach(counts -> {
      assertThat(counts.getPositive()).isPositive();
      assertThat(counts.getNegative()).isPositive();
    });
  }

  @Test
  @Order(4)
  void trainsWithStreamedProgressAndTheFirstModelBecomesActive() throws Exception {
    Iterator<TrainProgress> stream = TrainingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.MINUTES)
        .train(TrainRequest.newBuilder().setWindow(EngagementMapper.toProto(older())).setSeed(7)
            .setHyperparameters(SMALL).build());
    List<TrainProgress> progress = new ArrayList<>();
    stream.forEachRemaining(progress::add);

    assertThat(progress.get(0).hasStarted()).isTrue();
    List<TrainProgress.Step> steps = progress.stream().filter(TrainProgress::hasStep).map(TrainProgress::getStep).toList();
    assertThat(steps).isNotEmpty();
    assertThat(steps.get(steps.size() - 1).getTaskLossMap()).containsKeys("ctr", "bounce");
    TrainProgress.Started started = progress.get(0).getStarted();
    assertThat(started.getTrainExamples()).isPositive();
    assertThat(started.getValidationExamples()).isPositive();
    // the real trainer counts its examples (steps x batch size): every report has a throughput
    assertThat(steps).allSatisfy(step -> assertThat(step.getExamplesPerSecond()).isPositive().isFinite());
    TrainProgress.Finished finished = progress.get(progress.size() - 1).getFinished();
    if (steps.get(steps.size() - 1).getStep() == 60) {
      assertThat(finished.getStopReason()).isEqualTo("max_steps");
    } else {
      assertThat(finished.getStopReason()).isIn("loss_threshold", "early_stopping");
    }
    assertThat(finished.getActivated()).isTrue();
    Evaluation evaluation = finished.getEvaluation();
    assertThat(evaluation.getEvaluated()).isPositive();
    assertThat(evaluation.getAccuracy()).isBetween(0.0, 1.0);
    assertThat(evaluation.getTasksOrThrow("ctr").getAuc()).isGreaterThan(0.6);
    waitForHealth(ServingStatus.SERVING);
  }

  @Test
  @Order(5)
  void validatesOnTheNewestWindow() {
    Evaluation evaluation = TrainingServiceGrpc.newBlockingStub(channel)
        .validate(ValidateRequest.newBuilder().setWindow(EngagementMapper.toProto(windows.get(2))).build());

    assertThat(evaluation.getEvaluated()).isPositive();
    assertThat(evaluation.getDecision()).isIn(Decision.KEEP, Decision.UPDATE);
    assertThat(evaluation.getAccuracy()).isEqualTo(evaluation.getAccurate() / (double) evaluation.getEvaluated());
  }

  @Test
  @Order(6)
  void classifiesByIdAndReranks() {
    List<String> newest = corpus.truth().stream().filter(t -> t.window().equals(windows.get(2)))
        .map(t -> t.id().value()).limit(40).toList();
    var request = ClassifyRequest.newBuilder();
    newest.forEach(id -> request.addItems(ClassifyItem.newBuilder().setResourceId(id)));

    ClassifyResponse response = ClassificationServiceGrpc.newBlockingStub(channel).classify(request.build());

    assertThat(response.getResultsList()).extracting(r -> r.getId()).containsExactlyElementsOf(newest);
    assertThat(response.getResults(0).getTasksMap()).containsOnlyKeys("ctr", "dwell", "comment_rate", "bounce");
    long high = response.getResultsList().stream().filter(r -> r.getQuality() == io.mmq.proto.v1.QualityClass.HIGH).count();
    assertThat(high).isBetween(1L, (long) newest.size() - 1);

    var rerank = RerankRequest.newBuilder();
    for (int i = 0; i < newest.size(); i++) {
      rerank.addCandidates(RerankCandidate.newBuilder().setResourceId(newest.get(i)).setBaseScore(1.0));
    }
    RerankResponse reranked = RecommendationServiceGrpc.newBlockingStub(channel).rerank(rerank.build());
    assertThat(reranked.getItemsCount()).isEqualTo(newest.size());
    // equal base scores: every HIGH item (boosted) comes before every LOW item (demoted)
    int lastHigh = -1;
    int firstLow = Integer.MAX_VALUE;
    for (int i = 0; i < reranked.getItemsCount(); i++) {
      if (reranked.getItems(i).getQuality() == io.mmq.proto.v1.QualityClass.HIGH) {
        lastHigh = i;
      } else {
        firstLow = Math.min(firstLow, i);
      }
    }
    assertThat(lastHigh).isLessThan(firstLow);
  }

  @Test
  @Order(7)
  void aSecondModelIsACandidateUntilPromotedAndRollbackRestoresTheFirst() {
    var models = ModelServiceGrpc.newBlockingStub(channel);
    String first = models.getModel(GetModelRequest.getDefaultInstance()).getVersion();
    Iterator<TrainProgress> stream = TrainingServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.MINUTES)
        .train(TrainRequest.newBuilder().setWindow(EngagementMapper.toProto(older())).setSeed(8)
            .setHyperparameters(SMALL.toBuilder().setMaxSteps(20)).build());
    TrainProgress last = null;
    while (stream.hasNext()) {
      last = stream.next();
    }
    String second = last.getFinished().getModelVersion();
    assertThat(last.getFinished().getActivated()).isFalse();

    ModelInfo promoted = models.promoteModel(PromoteModelRequest.newBuilder().setVersion(second).build());
    assertThat(promoted.getStatus()).isEqualTo(ModelStatus.ACTIVE);
    assertThat(models.getModel(GetModelRequest.getDefaultInstance()).getVersion()).isEqualTo(second);

    ModelInfo rolledBack = models.rollbackModel(RollbackModelRequest.getDefaultInstance());
    assertThat(rolledBack.getVersion()).isEqualTo(first);
    assertThat(models.listModels(ListModelsRequest.getDefaultInstance()).getModelsList())
        .extracting(ModelInfo::getVersion).contains(first, second);
    // classification follows the rollback
    ClassifyResponse response = ClassificationServiceGrpc.newBlockingStub(channel).classify(ClassifyRequest.newBuilder()
        .addItems(ClassifyItem.newBuilder().setResourceId(corpus.resources().get(0).id().value())).build());
    assertThat(response.getModelVersion()).isEqualTo(first);
  }

  private TimeWindow all() {
    return new TimeWindow(windows.get(0).start(), windows.get(2).end());
  }

  private TimeWindow older() {
    return new TimeWindow(windows.get(0).start(), windows.get(2).start());
  }

  private void waitForHealth(ServingStatus wanted) throws InterruptedException {
    var health = HealthGrpc.newBlockingStub(channel);
    for (int i = 0; i < 50; i++) {
      if (health.check(HealthCheckRequest.newBuilder().setService("mmq.v1.ClassificationService").build()).getStatus() == wanted) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("classification health never became " + wanted);
  }
}
