package io.mmq.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.mmq.app.config.MmqConfig;
import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.app.generate.GeneratorConfig;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.PromoteModelRequest;
import io.mmq.proto.v1.RollbackModelRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas share one PostgreSQL database (the server of {@code MMQ_TEST_PG_URL}, in a schema of
 * the test's own, dropped afterwards): a promotion and a rollback made through one replica's
 * ModelService are served by the other within seconds, picked up by its model poller. Skipped
 * without {@code MMQ_TEST_PG_URL}, failing instead with {@code MMQ_REQUIRE_PG=true} (CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaPromotionTest {
  /** The longest a replica may take to serve a promotion made elsewhere. */
  private static final long PICK_UP_MILLIS = 10_000;

  private String url;
  private String user;
  private String password;
  private String schema;
  private LocalServer first;
  private LocalServer second;
  private String older;
  private String newer;
  private String probe;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    url = System.getenv("MMQ_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("MMQ_REQUIRE_PG"))) {
        fail("MMQ_REQUIRE_PG=true but MMQ_TEST_PG_URL is not set");
      }
      Assumptions.abort("replica test skipped: set MMQ_TEST_PG_URL (start a server with .ci/pg-start.sh)");
    }
    user = System.getenv().getOrDefault("MMQ_TEST_PG_USER", "postgres");
    password = System.getenv().getOrDefault("MMQ_TEST_PG_PASSWORD", "postgres");
    schema = "mmq_replicas_" + ProcessHandle.current().pid() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
    MmqConfig config = MmqConfig.defaultsOnly()
        .with("data.dir", dataDir.toString())
        .with("db.url", url).with("db.user", user).with("db.password", password).with("db.schema", schema)
        .with("db.pool-size", "4")
        .with("metrics.port", "-1")
        .with("retrain.enabled", "false");
    first = new LocalServer(config);
    second = new LocalServer(config);

    GeneratorConfig generator = GeneratorConfig.DEFAULT.withArticles(120).withWindows(2).withSeed(11);
    Corpus corpus = new CorpusGenerator(generator).generate();
    probe = corpus.resources().get(0).id().value();
    TimeWindow all = new TimeWindow(generator.timeWindows().get(0).start(), generator.timeWindows().get(1).end());
    CorpusUpload.upload(
        corpus, CatalogServiceGrpc.newBlockingStub(first.channel), CatalogServiceGrpc.newStub(first.channel));
    TrainingServiceGrpc.TrainingServiceBlockingStub training = TrainingServiceGrpc.newBlockingStub(first.channel);
    training.deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(EngagementMapper.toProto(all)).build());
    older = TinyTraining.train(training, all, 3); // the first model becomes active
    newer = TinyTraining.train(training, all, 4);
  }

  @AfterAll
  void stop() throws Exception {
    for (LocalServer replica : new LocalServer[] {second, first}) {
      if (replica != null) {
        replica.close();
      }
    }
    if (schema != null) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  void aPromotionAndARollbackThroughOneReplicaAreServedByTheOtherWithinSeconds() throws Exception {
    assertThat(servedBy(second)).isEqualTo(older);

    ModelServiceGrpc.newBlockingStub(first.channel)
        .promoteModel(PromoteModelRequest.newBuilder().setVersion(newer).build());
    assertThat(servedBy(first)).isEqualTo(newer); // the promoting replica serves it at once
    long promoted = awaitServed(second, newer);

    ModelServiceGrpc.newBlockingStub(first.channel).rollbackModel(RollbackModelRequest.getDefaultInstance());
    assertThat(servedBy(first)).isEqualTo(older);
    long rolledBack = awaitServed(second, older);

    System.out.printf(Locale.ROOT,
        "replicas: the other replica served the promotion after %d ms and the rollback after %d ms%n",
        promoted, rolledBack);
  }

  /** Milliseconds until the replica's Classify answers with the version. */
  private long awaitServed(LocalServer replica, String version) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      String served = servedBy(replica);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (served.equals(version)) {
        return millis;
      }
      if (millis > PICK_UP_MILLIS) {
        fail("after " + millis + " ms the replica still serves " + served + ", not " + version);
      }
      Thread.sleep(50);
    }
  }

  private String servedBy(LocalServer replica) {
    return ClassificationServiceGrpc.newBlockingStub(replica.channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .classify(ClassifyRequest.newBuilder()
            .addItems(ClassifyItem.newBuilder().setResourceId(probe)).build())
        .getModelVersion();
  }
}
