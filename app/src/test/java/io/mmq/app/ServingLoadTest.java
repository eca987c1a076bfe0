package io.mmq.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.mmq.app.config.MmqConfig;
import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.app.generate.GeneratorConfig;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.ModelInfo;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.PromoteModelRequest;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.RollbackModelRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving under load over a real TCP port with the real TensorFlow model: 16 clients classify
 * without pause while the active model is promoted and rolled back 20 times through the
 * ModelService; not one request may fail, and every response comes whole from one of the two
 * models. Prints the latency percentiles. With {@code -Dmmq.bench=true}, also times a Rerank of
 * the catalogued candidates (240) with a cold and a warm prediction cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingLoadTest {
  private static final int CLIENTS = 16;
  private static final int SWITCHES = 20;

  private LocalServer local;
  private ManagedChannel channel;
  private Corpus corpus;
  private String first;
  private String second;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    long started = System.nanoTime();
    local = new LocalServer(MmqConfig.defaultsOnly().with("data.dir", dataDir.toString()));
    channel = local.channel;
    GeneratorConfig config = GeneratorConfig.DEFAULT.withArticles(240).withWindows(2).withSeed(5);
    corpus = new CorpusGenerator(config).generate();
    TimeWindow all = new TimeWindow(config.timeWindows().get(0).start(), config.timeWindows().get(1).end());
    load(all);
    first = train(all, 7);
    second = train(all, 8);
    System.out.printf(Locale.ROOT, "serving load: corpus loaded and two models trained in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
  }

  @AfterAll
  void stop() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  @Order(1)
  void sixteenClientsSeeNoFailureWhileTheModelIsSwitchedTwentyTimes() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running16 = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running16.add(clients.submit(() -> classifyUntilStopped(client, running, latencies, failures, versions)));
    }
    long started = System.nanoTime();
    Thread.sleep(300);
    var models = stub(ModelServiceGrpc.newBlockingStub(channel));
    List<Long> switches = new ArrayList<>();
    for (int i = 0; i < SWITCHES; i++) {
      long switchStart = System.nanoTime();
      ModelInfo active =
          i % 2 == 0
              ? models.promoteModel(PromoteModelRequest.newBuilder().setVersion(second).build())
              : models.rollbackModel(RollbackModelRequest.getDefaultInstance());
      switches.add(System.nanoTime() - switchStart);
      assertThat(active.getVersion()).isEqualTo(i % 2 == 0 ? second : first);
      Thread.sleep(100);
    }
    Thread.sleep(300);
    running.set(false);
    for (Future<?> client : running16) {
      client.get(30, TimeUnit.SECONDS);
    }
    clients.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    Collections.sort(switches);
    System.out.printf(
        Locale.ROOT,
        "serving load: %d clients, %d model switches, %d requests in %.1f s (%.0f/s), %d failed;"
            + " latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; promote/rollback (load, warm-up, swap)"
            + " p50 %.0f ms, max %.0f ms%n",
        CLIENTS, SWITCHES, sorted.size(), seconds, sorted.size() / seconds, failures.size(),
        percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0),
        percentile(switches, 0.50), percentile(switches, 1.0));
    assertThat(failures).isEmpty();
    assertThat(sorted).hasSizeGreaterThan(CLIENTS * 10);
    assertThat(Set.copyOf(versions)).containsExactlyInAnyOrder(first, second);
  }

  @Test
  @Order(2)
  @EnabledIfSystemProperty(named = "mmq.bench", matches = "true")
  void rerankOfKnownCandidatesWithAColdAndAWarmCache() {
    var rerank = stub(RecommendationServiceGrpc.newBlockingStub(channel));
    var models = stub(ModelServiceGrpc.newBlockingStub(channel));
    var request = RerankRequest.newBuilder();
    corpus.resources().forEach(resource -> request.addCandidates(
        RerankCandidate.newBuilder().setResourceId(resource.id().value()).setBaseScore(1.0)));
    RerankRequest candidates = request.build();
    List<Long> cold = new ArrayList<>();
    List<Long> warm = new ArrayList<>();
    for (int round = 0; round < 11; round++) {
      // every switch empties the cache: the next rerank is cold
      if (round % 2 == 0) {
        models.promoteModel(PromoteModelRequest.newBuilder().setVersion(second).build());
      } else {
        models.rollbackModel(RollbackModelRequest.getDefaultInstance());
      }
      long start = System.nanoTime();
      rerank.rerank(candidates);
      cold.add(System.nanoTime() - start);
      for (int again = 0; again < 5; again++) {
        start = System.nanoTime();
        rerank.rerank(candidates);
        warm.add(System.nanoTime() - start);
      }
    }
    Collections.sort(cold);
    Collections.sort(warm);
    System.out.printf(
        Locale.ROOT,
        "rerank of %d known candidates: cold cache p50 %.2f ms (max %.2f), warm cache p50 %.2f ms"
            + " (max %.2f) over %d cold and %d warm calls%n",
        candidates.getCandidatesCount(), percentile(cold, 0.5), percentile(cold, 1.0),
        percentile(warm, 0.5), percentile(warm, 1.0), cold.size(), warm.size());
    assertThat(percentile(warm, 0.5)).isLessThan(percentile(cold, 0.5));
  }

  /** One client: classify 3 catalogued resources and one new one, again and again. */
  private void classifyUntilStopped(
      int client,
      AtomicBoolean running,
      ConcurrentLinkedQueue<Long> latencies,
      ConcurrentLinkedQueue<String> failures,
      ConcurrentLinkedQueue<String> versions) {
    var classify = stub(ClassificationServiceGrpc.newBlockingStub(channel));
    Random random = new Random(client);
    List<Resource> resources = corpus.resources();
    for (int n = 0; running.get(); n++) {
      var request = ClassifyRequest.newBuilder();
      int at = random.nextInt(resources.size());
      for (int i = 0; i < 3; i++) { // three distinct catalogued resources
        request.addItems(ClassifyItem.newBuilder()
            .setResourceId(resources.get((at + i * 7) % resources.size()).id().value()));
      }
      Resource template = resources.get(random.nextInt(resources.size()));
      Resource fresh = new Resource(
          ResourceId.of("load-" + client + "-" + n), template.title(), template.tags(), template.blocks(),
          template.publisher(), template.publishedAt(), template.language(), template.source(),
          template.numericAttributes(), template.categoricalAttributes());
      request.addItems(ClassifyItem.newBuilder().setResource(ResourceMapper.toProto(fresh)));
      long start = System.nanoTime();
      try {
        ClassifyResponse response = classify.withDeadlineAfter(10, TimeUnit.SECONDS).classify(request.build());
        latencies.add(System.nanoTime() - start);
        if (response.getResultsCount() != 4) {
          failures.add("client " + client + ": " + response.getResultsCount() + " results for 4 items");
        }
        versions.add(response.getModelVersion());
      } catch (StatusRuntimeException e) {
        failures.add("client " + client + ": " + e.getStatus());
      }
    }
  }

  private void load(TimeWindow all) throws Exception {
    CorpusUpload.Summaries summaries =
        CorpusUpload.upload(
            corpus, stub(CatalogServiceGrpc.newBlockingStub(channel)), stub(CatalogServiceGrpc.newStub(channel)));
    assertThat(summaries.resources().getAccepted()).isEqualTo(corpus.resources().size());
    assertThat(summaries.engagement().getAccepted()).isEqualTo(corpus.engagement().size());
    stub(TrainingServiceGrpc.newBlockingStub(channel))
        .deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(EngagementMapper.toProto(all)).build());
  }

  private String train(TimeWindow window, long seed) {
    return TinyTraining.train(stub(TrainingServiceGrpc.newBlockingStub(channel)), window, seed);
  }

  /** Every stub this test uses passes here: the one place to add call credentials. */
  private static <S extends AbstractStub<S>> S stub(S stub) {
    return stub;
  }

  private static double percentile(List<Long> sortedNanos, double fraction) {
    int index = (int) Math.ceil(fraction * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, index))) / 1e6;
  }
}
