package io.mmq.app.cli;

import io.grpc.ManagedChannel;
import io.mmq.app.Application;
import io.mmq.app.MmqServer;
import io.mmq.app.ServerOptions;
import io.mmq.app.generate.ArticleTruth;
import io.mmq.app.generate.CorpusSummary;
import io.mmq.app.generate.CorpusWriter;
import io.mmq.app.generate.GeneratorConfig;
import io.mmq.app.generate.TruthLines;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelResult;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import io.mmq.grpc.mapping.TrainingMapper;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import io.mmq.proto.v1.ClassifyResult;
import io.mmq.proto.v1.RankedItem;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.RerankResponse;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mmq quickstart}: the whole method in one command on the embedded default. Generates a
 * corpus with planted quality, imports it, derives labels, trains on the older windows, validates
 * on the newest, serves gRPC, classifies and re-ranks the newest articles through it, prints the
 * figures and keeps serving until Ctrl-C.
 */
@Command(name = "quickstart", description = "Generate a corpus, import, label, train, validate, then serve and show classifications.")
final class QuickstartCommand extends AppCommand {
  @Option(names = "--articles", paramLabel = "N", description = "Articles to generate (default ${DEFAULT-VALUE}).")
  int articles = 3000;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the corpus and the training (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--port", paramLabel = "P", description = "gRPC port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 50051;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A training hyperparameter, e.g. --set steps=300.")
  Map<String, String> hyperparameters = new LinkedHashMap<>();

  @Option(names = "--exit", description = "Stop the server and exit after the demonstration instead of serving until Ctrl-C.")
  boolean exit;

  @Mixin ReportOptions reportOptions;

  private final Map<String, Object> report = new LinkedHashMap<>();

  @Override
  int run(Application app) throws Exception {
    long begin = System.nanoTime();
    ServerOptions serverOptions = ServerOptions.from(app.config());
    requireFree("0.0.0.0", port, "the gRPC port " + port + " (--port; 0 picks a free one)");
    if (serverOptions.metricsEnabled()) {
      requireFree(serverOptions.metricsHost(), serverOptions.metricsPort(),
          "the metrics port " + serverOptions.metricsPort() + " (metrics.port; 0 picks a free one, -1 turns it off)");
    }
    Path corpusDir = app.config().dataDir().resolve("quickstart-corpus");
    CorpusSummary corpus = step("generate", () -> CorpusWriter.generate(
        GeneratorConfig.DEFAULT.withArticles(articles).withSeed(seed), corpusDir));
    report.put("corpus", GenerateCommand.describe(corpus));
    say("generated %d articles (%d planted high, %d with images, %d Chinese) over %d daily windows in %s",
        corpus.articles(), corpus.highArticles(), corpus.articlesWithImages(), corpus.chineseArticles(),
        corpus.windows().size(), corpusDir);

    step("import", () -> {
      io.mmq.proto.v1.TaskSet tasks = io.mmq.grpc.mapping.JsonLines.parse(
          Files.readString(corpus.tasksFile()), io.mmq.proto.v1.TaskSet::newBuilder);
      app.get(io.mmq.core.task.port.in.SetTaskSetUseCase.class).set(
          new io.mmq.core.task.port.in.SetTaskSetCommand(io.mmq.grpc.mapping.TaskSetMapper.toDomain(tasks)));
      Map<String, Object> imported = ImportCommand.importFiles(app, corpus.resourcesFile(), corpus.engagementFile(), err());
      report.put("import", imported);
      if (ImportCommand.rejected(imported) > 0) {
        throw new IllegalStateException("the generated corpus did not import cleanly: " + imported);
      }
      return imported;
    });

    List<TimeWindow> windows = corpus.windows();
    TimeWindow all = new TimeWindow(windows.get(0).start(), windows.get(windows.size() - 1).end());
    TimeWindow older = new TimeWindow(windows.get(0).start(), windows.get(windows.size() - 1).start());
    TimeWindow newest = windows.get(windows.size() - 1);
    DeriveLabelsResult labels = step("labels", () -> app.get(DeriveLabelsUseCase.class).derive(new DeriveLabelsCommand(all)));
    say("derived labels for %d labelled resources from %d engagement records", labels.labelledResources(), labels.records());

    say("training on the older windows %s (progress below)...", older);
    Reports.ProgressLog progress = new Reports.ProgressLog(TrainCommand.progressPrinter(err()));
    TrainModelCommand trainCommand = TrainModelCommand.of(older, seed).withHyperparameters(hyperparameters);
    TrainModelResult trained = step("train", () -> app.get(TrainModelUseCase.class).train(trainCommand, progress));
    if (!trained.succeeded()) {
      throw new IllegalStateException("training ended " + trained.job().state() + trained.job().error().map(e -> ": " + e).orElse(""));
    }
    var model = trained.model().orElseThrow();
    say("trained %s on %d examples (%d held out); active: %s", model.version(), trained.trainingExamples(),
        trained.validationExamples(), trained.activated());
    var trainingEvaluation = TrainingMapper.trainingEvaluation(trained,
        trained.activated() ? io.mmq.proto.v1.Decision.PROMOTED : io.mmq.proto.v1.Decision.KEEP);
    report.put("training", TrainCommand.evaluationMap(trainingEvaluation));
    Map<String, Object> reports = new LinkedHashMap<>();
    reports.put("training", Reports.json(Reports.training(
        app, reportOptions.child("train"), trainCommand, trained, trainingEvaluation, progress.progress(), err())));

    ValidateModelResult validated = step("validate", () -> app.get(ValidateModelUseCase.class)
        .validate(ValidateModelCommand.validateOnly(newest)));
    var evaluation = TrainingMapper.toProto(validated.run(), validated.update());
    report.put("validation", TrainCommand.evaluationMap(evaluation));
    reports.put("validation", Reports.json(Reports.validation(
        app, reportOptions.child("validate"), validated, evaluation, List.of(), err())));
    report.put("reports", reports);
    say("validated on the newest window %s: %d evaluated, coincidence accuracy %.3f, decision %s",
        newest, evaluation.getEvaluated(), evaluation.getAccuracy(), evaluation.getDecision());
    evaluation.getTasksMap().forEach((task, t) -> say("  %-14s AUC %.3f  accuracy %.3f  labelled %d", task, t.getAuc(), t.getAccuracy(), t.getLabelled()));

    MmqServer server = MmqServer.start(app, "0.0.0.0", port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); app.close(); }, "mmq-shutdown"));
    ManagedChannel channel = ServerOptions.from(app.config()).localChannel(server.port());
    try {
      demonstrate(channel, corpus, newest);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    report.put("seconds", Math.round((System.nanoTime() - begin) / 1e8) / 10.0);
    report.put("port", server.port());
    if (json) {
      printJson(report);
    }
    say("done in %.1f s. gRPC server listening on port %d (services mmq.v1.*, health, reflection).",
        (System.nanoTime() - begin) / 1e9, server.port());
    if (exit) {
      server.close();
      return 0;
    }
    say("Ctrl-C stops it.");
    new CountDownLatch(1).await();
    return 0;
  }

  /** Classifies every article of the newest window through gRPC and re-ranks twenty of them. */
  private void demonstrate(ManagedChannel channel, CorpusSummary corpus, TimeWindow newest) throws Exception {
    List<ArticleTruth> truths;
    try (BufferedReader in = Files.newBufferedReader(corpus.truthFile())) {
      truths = TruthLines.read(in).stream().filter(t -> t.window().equals(newest)).toList();
    }
    var classify = ClassificationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    Map<String, QualityClass> planted = new LinkedHashMap<>();
    truths.forEach(t -> planted.put(t.id().value(), t.quality()));
    long started = System.nanoTime();
    List<ClassifyResult> results = new ArrayList<>();
    List<String> ids = new ArrayList<>(planted.keySet());
    for (int from = 0; from < ids.size(); from += 100) {
      var request = ClassifyRequest.newBuilder();
      ids.subList(from, Math.min(ids.size(), from + 100)).forEach(id -> request.addItems(ClassifyItem.newBuilder().setResourceId(id)));
      ClassifyResponse response = classify.classify(request.build());
      results.addAll(response.getResultsList());
    }
    double millis = (System.nanoTime() - started) / 1e6;
    int[][] confusion = new int[2][2]; // [planted HIGH/LOW][classified HIGH/LOW]
    for (ClassifyResult result : results) {
      int truth = planted.get(result.getId()) == QualityClass.HIGH ? 0 : 1;
      int predicted = result.getQuality() == io.mmq.proto.v1.QualityClass.HIGH ? 0 : 1;
      confusion[truth][predicted]++;
    }
    int high = confusion[0][0] + confusion[0][1];
    int low = confusion[1][0] + confusion[1][1];
    Map<String, Object> classification = new LinkedHashMap<>();
    classification.put("classified", results.size());
    classification.put("plantedHigh", high);
    classification.put("plantedHighClassifiedHigh", confusion[0][0]);
    classification.put("plantedLow", low);
    classification.put("plantedLowClassifiedLow", confusion[1][1]);
    classification.put("accuracy", results.isEmpty() ? 0 : (confusion[0][0] + confusion[1][1]) / (double) results.size());
    classification.put("millisecondsPerArticle", results.isEmpty() ? 0 : millis / results.size());
    report.put("classification", classification);
    say("classified the %d articles of the newest window through gRPC Classify (%.2f ms per article):", results.size(), millis / Math.max(1, results.size()));
    say("  planted HIGH classified HIGH: %d of %d (%.1f %%)", confusion[0][0], high, 100.0 * confusion[0][0] / Math.max(1, high));
    say("  planted LOW  classified LOW : %d of %d (%.1f %%)", confusion[1][1], low, 100.0 * confusion[1][1] / Math.max(1, low));

    var rerank = RecommendationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    var request = RerankRequest.newBuilder();
    List<String> candidates = ids.subList(0, Math.min(20, ids.size()));
    for (int i = 0; i < candidates.size(); i++) {
      request.addCandidates(RerankCandidate.newBuilder().setResourceId(candidates.get(i)).setBaseScore(1.0 - i * 0.02));
    }
    RerankResponse reranked = rerank.rerank(request.build());
    say("re-ranked %d candidates (base scores 1.00, 0.98, ... in catalogue order) through gRPC Rerank; top 10:", candidates.size());
    List<Object> top = new ArrayList<>();
    for (RankedItem item : reranked.getItemsList().subList(0, Math.min(10, reranked.getItemsCount()))) {
      say("  %-10s planted %-4s  %s", item.getId(), planted.get(item.getId()), item.getReason());
      top.add(Map.of("id", item.getId(), "finalScore", item.getFinalScore(), "quality", item.getQuality().name(),
          "planted", String.valueOf(planted.get(item.getId()))));
    }
    report.put("rerankTop10", top);
  }

  private interface Step<T> {
    T run() throws Exception;
  }

  private <T> T step(String name, Step<T> step) throws Exception {
    long started = System.nanoTime();
    T result = step.run();
    double seconds = (System.nanoTime() - started) / 1e9;
    @SuppressWarnings("unchecked")
    Map<String, Object> timings = (Map<String, Object>) report.computeIfAbsent("stepSeconds", k -> new LinkedHashMap<String, Object>());
    timings.put(name, Math.round(seconds * 10) / 10.0);
    return result;
  }

  private void say(String format, Object... args) {
    err().println("quickstart: " + String.format(format, args));
    err().flush();
  }

  /** Fails before any work when a port the server will need is taken (0: any free port). */
  private static void requireFree(String host, int port, String what) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(host, port));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(what + " is in use on " + host + ": " + e.getMessage());
    }
  }
}
