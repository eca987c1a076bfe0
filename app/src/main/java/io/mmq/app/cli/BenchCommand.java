package io.mmq.app.cli;

import static io.mmq.app.bench.BenchFigures.round;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.mmq.app.Application;
import io.mmq.app.MmqServer;
import io.mmq.app.bench.BenchFigures;
import io.mmq.app.bench.ClassifyLoad;
import io.mmq.app.bench.Samples;
import io.mmq.app.bench.StepClock;
import io.mmq.app.config.MmqConfig;
import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.app.generate.GeneratorConfig;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.engagement.port.in.RecordEngagementUseCase;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.resource.port.in.IngestResourcesUseCase;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.task.port.in.SetTaskSetUseCase;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.tensorflow.ModelProfiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mmq bench} (R23): builds a small model the quickstart way (generate, import, labels,
 * train) on a fresh embedded database in a temporary directory, then measures label derivation
 * rows/s, training samples/s, in-process inference items/s at batch 1 and 256, the inference
 * graph's FLOPs an item against the machine's matrix-multiply peak, and Classify through real gRPC
 * on loopback: latency percentiles at concurrency 1 and throughput at concurrency 16, each on
 * resources no call has classified before (cold), plus a warm latency on repeated ids. Noisy
 * figures are measured {@code --rounds} times and the median is reported with every run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure latency, throughput and training speed (on a temporary embedded database).")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Option(names = "--articles", paramLabel = "N", description = "Articles to generate; every cold gRPC call classifies unseen ones (default ${DEFAULT-VALUE}).")
  int articles = 3000;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the corpus and the training (default ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--steps", paramLabel = "N", description = "Training steps of the model measured (default ${DEFAULT-VALUE}).")
  int steps = 60;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A training hyperparameter, e.g. --set batchSize=64.")
  Map<String, String> hyperparameters = new LinkedHashMap<>();

  @Option(names = "--seconds", paramLabel = "S", description = "Length of each timed in-process inference run (default ${DEFAULT-VALUE}).")
  double seconds = 1.5;

  @Option(names = "--rounds", paramLabel = "N", description = "Repetitions of the noisy figures; the median is reported (default ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(names = "--latency-calls", paramLabel = "N", description = "Cold Classify calls of one item at concurrency 1, at most half the articles (default ${DEFAULT-VALUE}).")
  int latencyCalls = 1200;

  @Option(names = "--grpc-seconds", paramLabel = "S", description = "Time limit of each gRPC run (cold latency, cold throughput, warm latency); a run stops early when it is reached (default ${DEFAULT-VALUE}).")
  double grpcSeconds = 15;

  @Option(names = "--concurrency", paramLabel = "N", description = "Concurrent callers of the throughput run (default ${DEFAULT-VALUE}).")
  int concurrency = 16;

  @Option(names = "--batch", paramLabel = "N", description = "Items per Classify call in the throughput run (default ${DEFAULT-VALUE}).")
  int batch = 8;

  @Option(names = "--peak-size", paramLabel = "N", description = "Side of the square matrices of the matrix-multiply peak (default ${DEFAULT-VALUE}).")
  int peakSize = 1024;

  private static final int IMPORT_BATCH = 500;
  private static final int IN_PROCESS_ROWS = 1024;
  private static final int WARM_CALLS = 500;

  private final Map<String, Object> report = new LinkedHashMap<>();

  /**
   * Defaults over a throwaway data dir, without the metrics endpoint (so that a running server's
   * port does not stop a benchmark) and without the retraining loop.
   */
  static MmqConfig benchConfig(Path dataDir) {
    return MmqConfig.defaultsOnly()
        .with("data.dir", dataDir.toString())
        .with("metrics.port", "-1")
        .with("retrain.enabled", "false");
  }

  @Override
  public Integer call() throws Exception {
    check(articles >= 100, "--articles must be at least 100");
    check(steps >= 1 && rounds >= 1 && latencyCalls >= 1 && concurrency >= 1 && batch >= 1 && peakSize >= 1,
        "--steps, --rounds, --latency-calls, --concurrency, --batch and --peak-size must be positive");
    check(seconds > 0 && grpcSeconds > 0, "--seconds and --grpc-seconds must be positive");
    check((articles - warmUpCalls() - coldLatencyCalls()) / rounds >= batch, "too few articles for " + rounds
        + " throughput rounds of calls of " + batch + " unseen items: raise --articles or lower --rounds, --batch or --latency-calls");
    long begin = System.nanoTime();
    Path dataDir = Files.createTempDirectory("mmq-bench-");
    try (Application app = Application.open(benchConfig(dataDir))) {
      run(app);
    } finally {
      delete(dataDir);
    }
    report.put("seconds", round((System.nanoTime() - begin) / 1e9, 1));
    if (json) {
      out().println(Json.write(report));
      out().flush();
    } else {
      out().println(summary());
      out().flush();
    }
    return 0;
  }

  private void run(Application app) throws Exception {
    report.put("machine", BenchFigures.machine());
    report.put("settings", settings());
    Corpus corpus = timed("generate", () -> new CorpusGenerator(
        GeneratorConfig.DEFAULT.withArticles(articles).withSeed(seed)).generate());
    say("generated %d articles", corpus.resources().size());
    timed("import", () -> {
      importCorpus(app, corpus);
      return null;
    });
    List<TimeWindow> windows = corpus.windows();
    TimeWindow all = new TimeWindow(windows.get(0).start(), windows.get(windows.size() - 1).end());
    TimeWindow older = new TimeWindow(windows.get(0).start(), windows.get(windows.size() - 1).start());
    measureLabels(app, all);
    ModelRecord model = measureTraining(app, older);
    try (QualityModel loaded = app.get(QualityModelLoader.class).load(app.get(ModelRegistry.class).loadArtifact(model.version()))) {
      ModelProfiler.FlopCount flops = ModelProfiler.flopsPerItem(loaded);
      Map<String, Object> counted = new LinkedHashMap<>();
      counted.put("flopsPerItem", flops.flopsPerItem());
      counted.put("flopsByOpType", new LinkedHashMap<>(flops.byOpType()));
      counted.put("countedOps", flops.countedOps());
      report.put("model", counted);
      say("the inference graph does %,d FLOPs an item (%d MatMul/BatchMatMul/Conv2D ops)", flops.flopsPerItem(), flops.countedOps());
      Map<String, Double> peak = measurePeak();
      measureInProcess(loaded, corpus.resources(), flops.flopsPerItem(), peak);
      measureGrpc(app, corpus, flops.flopsPerItem(), peak);
    }
  }

  private void importCorpus(Application app, Corpus corpus) {
    app.get(SetTaskSetUseCase.class).set(new SetTaskSetCommand(corpus.tasks()));
    IngestResourcesUseCase ingest = app.get(IngestResourcesUseCase.class);
    List<Resource> resources = corpus.resources();
    for (int from = 0; from < resources.size(); from += IMPORT_BATCH) {
      ingest.ingest(new IngestResourcesCommand(resources.subList(from, Math.min(resources.size(), from + IMPORT_BATCH))));
    }
    RecordEngagementUseCase record = app.get(RecordEngagementUseCase.class);
    List<EngagementRecord> engagement = corpus.engagement();
    for (int from = 0; from < engagement.size(); from += IMPORT_BATCH) {
      record.record(new RecordEngagementCommand(engagement.subList(from, Math.min(engagement.size(), from + IMPORT_BATCH))));
    }
    say("imported %d resources and %d engagement records", resources.size(), engagement.size());
  }

  private void measureLabels(Application app, TimeWindow all) {
    DeriveLabelsUseCase labels = app.get(DeriveLabelsUseCase.class);
    List<Double> rates = new ArrayList<>();
    long rows = 0;
    for (int r = 0; r < rounds; r++) {
      long started = System.nanoTime();
      DeriveLabelsResult result = labels.derive(new DeriveLabelsCommand(all));
      double elapsed = (System.nanoTime() - started) / 1e9;
      rows = result.records();
      rates.add(rows / elapsed);
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rows", rows);
    figures.put("rowsPerSecond", round(Samples.of(rates).median(), 0));
    figures.put("runs", BenchFigures.rounded(rates, 0));
    report.put("labels", figures);
    say("label derivation: %,.0f rows/s (median of %d runs over %d rows)", Samples.of(rates).median(), rounds, rows);
  }

  private ModelRecord measureTraining(Application app, TimeWindow older) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("steps", Integer.toString(steps));
    settings.putAll(hyperparameters);
    StepClock clock = new StepClock(TrainCommand.progressPrinter(err()));
    long started = System.nanoTime();
    TrainModelResult trained = app.get(TrainModelUseCase.class).train(
        TrainModelCommand.of(older, seed).withHyperparameters(settings), clock);
    double elapsed = (System.nanoTime() - started) / 1e9;
    if (!trained.succeeded()) {
      throw new IllegalStateException("training ended " + trained.job().state() + trained.job().error().map(e -> ": " + e).orElse(""));
    }
    ModelRecord model = trained.model().orElseThrow();
    Map<String, String> used = model.provenance().hyperparameters();
    int batchSize = Integer.parseInt(used.get("batchSize"));
    int done = Integer.parseInt(used.getOrDefault("steps", Integer.toString(steps)));
    double step = Samples.of(clock.gaps()).median();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("examples", trained.trainingExamples());
    figures.put("steps", done);
    figures.put("batchSize", batchSize);
    figures.put("stepMilliseconds", round(step * 1e3, 2));
    figures.put("samplesPerSecond", round(batchSize / step, 0));
    figures.put("wallSeconds", round(elapsed, 1));
    figures.put("samplesPerSecondWall", round(done * (double) batchSize / elapsed, 0));
    report.put("training", figures);
    say("training: %.1f ms a step of %d, %,.0f samples/s (median step of %d); whole job %.1f s", step * 1e3, batchSize,
        batchSize / step, done, elapsed);
    return model;
  }

  private Map<String, Double> measurePeak() {
    int cores = Runtime.getRuntime().availableProcessors();
    ModelProfiler.MatMulPeak one = ModelProfiler.matMulPeak(peakSize, 1, 5);
    ModelProfiler.MatMulPeak all = ModelProfiler.matMulPeak(peakSize, cores, 5);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("matrixSide", peakSize);
    figures.put("oneThreadGflops", round(one.bestGflops(), 1));
    figures.put("allCoresGflops", round(all.bestGflops(), 1));
    figures.put("allCoresThreads", cores);
    figures.put("oneThreadRuns", BenchFigures.rounded(one.gflops(), 1));
    figures.put("allCoresRuns", BenchFigures.rounded(all.gflops(), 1));
    report.put("peak", figures);
    say("matrix-multiply peak (%d x %d floats, best of 5): %.1f GFLOP/s on one thread, %.1f on %d", peakSize, peakSize,
        one.bestGflops(), all.bestGflops(), cores);
    return Map.of("oneThread", one.bestGflops(), "allCores", all.bestGflops());
  }

  private void measureInProcess(QualityModel model, List<Resource> resources, long flops, Map<String, Double> peak) {
    List<Resource> rows = resources.subList(0, Math.min(resources.size(), IN_PROCESS_ROWS));
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int size : new int[] {1, 256}) {
      List<Double> rates = ModelProfiler.inference(model, rows, size, Duration.ofMillis(Math.round(seconds * 1000)), rounds)
          .stream().map(ModelProfiler.Rate::itemsPerSecond).toList();
      double median = Samples.of(rates).median();
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("itemsPerSecond", round(median, 0));
      figure.put("runs", BenchFigures.rounded(rates, 0));
      figure.put("gflops", round(median * flops / 1e9, 3));
      figure.put("ofOneThreadPeak", round(median * flops / 1e9 / peak.get("oneThread"), 4));
      figures.put("batch" + size, figure);
      say("in-process inference, batch %d, one thread: %,.0f items/s (median of %d), %.1f %% of the one-thread peak",
          size, median, rounds, 100 * median * flops / 1e9 / peak.get("oneThread"));
    }
    report.put("inProcess", figures);
  }

  private void measureGrpc(Application app, Corpus corpus, long flops, Map<String, Double> peak) throws Exception {
    List<String> ids = corpus.resources().stream().map(r -> r.id().value()).toList();
    int warmUp = warmUpCalls();
    int latency = coldLatencyCalls();
    List<String> warmUpIds = ids.subList(0, warmUp);
    List<String> latencyIds = ids.subList(warmUp, warmUp + latency);
    List<String> throughputIds = ids.subList(warmUp + latency, ids.size());
    MmqServer server = MmqServer.start(app, "127.0.0.1", 0);
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    Map<String, Object> figures = new LinkedHashMap<>();
    try {
      Duration limit = Duration.ofMillis(Math.round(grpcSeconds * 1000));
      ClassifyLoad.run(channel, warmUpIds.subList(0, warmUp / 2), 1, 1, limit);
      ClassifyLoad.run(channel, warmUpIds.subList(warmUp / 2, warmUp), 1, concurrency, limit);
      say("gRPC: up to %d cold Classify calls of one item at concurrency 1 (at most %.0f s)...", latencyIds.size(), grpcSeconds);
      ClassifyLoad.Outcome cold = ClassifyLoad.run(channel, latencyIds, 1, 1, limit);
      figures.put("latencyCold", BenchFigures.latency(cold, "unseen resources, one item a call"));
      say("  %d calls: p50 %.2f ms, p99 %.2f ms, p999 %.2f ms", cold.calls(), cold.latencyMs().median(), cold.latencyMs().percentile(0.99),
          cold.latencyMs().percentile(0.999));

      say("gRPC: up to %d unseen items in calls of %d at concurrency %d, %d rounds (at most %.0f s)...", throughputIds.size(), batch,
          concurrency, rounds, grpcSeconds);
      List<ClassifyLoad.Outcome> runs = new ArrayList<>();
      int share = throughputIds.size() / rounds;
      for (int r = 0; r < rounds; r++) {
        runs.add(ClassifyLoad.run(channel, throughputIds.subList(r * share, (r + 1) * share), batch, concurrency,
            limit.dividedBy(rounds)));
      }
      Map<String, Object> throughput = BenchFigures.throughput(runs, concurrency, batch, flops, peak.get("allCores"));
      figures.put("throughputCold", throughput);
      say("  %,.0f items/s, %,.0f calls/s (median of %d), %.2f %% of the all-cores peak", throughput.get("itemsPerSecond"),
          throughput.get("callsPerSecond"), runs.size(), 100 * (double) throughput.get("ofAllCoresPeak"));

      List<String> repeated = latencyIds.subList(0, Math.min(cold.calls(), WARM_CALLS));
      ClassifyLoad.Outcome warm = ClassifyLoad.run(channel, repeated, 1, 1, limit);
      figures.put("latencyWarm", BenchFigures.latency(warm,
          "ids classified once before (by the cold latency run): differs from cold only where predictions are cached"));
      say("gRPC warm (repeated ids): p50 %.2f ms, p99 %.2f ms", warm.latencyMs().median(), warm.latencyMs().percentile(0.99));
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.close();
    }
    report.put("grpc", figures);
  }

  /** Articles classified before the measured gRPC runs, to warm up the server, the client and the JIT. */
  private int warmUpCalls() {
    return Math.max(10, articles / 40);
  }

  /** Articles of the cold latency run: at most half of those left after the warm-up; the rest feed the throughput. */
  private int coldLatencyCalls() {
    return Math.min(latencyCalls, (articles - warmUpCalls()) / 2);
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("articles", articles);
    settings.put("seed", seed);
    settings.put("steps", steps);
    settings.put("hyperparameters", new LinkedHashMap<String, Object>(hyperparameters));
    settings.put("seconds", seconds);
    settings.put("rounds", rounds);
    settings.put("latencyCalls", latencyCalls);
    settings.put("grpcSeconds", grpcSeconds);
    settings.put("concurrency", concurrency);
    settings.put("batch", batch);
    settings.put("peakSize", peakSize);
    return settings;
  }

  private String summary() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> grpc = (Map<String, Map<String, Object>>) report.get("grpc");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> inProcess = (Map<String, Map<String, Object>>) report.get("inProcess");
    return String.join(System.lineSeparator(),
        "classify latency, concurrency 1, cold: p50 " + grpc.get("latencyCold").get("p50Ms") + " ms, p99 "
            + grpc.get("latencyCold").get("p99Ms") + " ms, p999 " + grpc.get("latencyCold").get("p999Ms") + " ms",
        "classify throughput, concurrency " + concurrency + ", " + batch + " items a call, cold: "
            + grpc.get("throughputCold").get("itemsPerSecond") + " items/s, " + grpc.get("throughputCold").get("callsPerSecond") + " calls/s",
        "in-process inference: batch 1 " + inProcess.get("batch1").get("itemsPerSecond") + " items/s, batch 256 "
            + inProcess.get("batch256").get("itemsPerSecond") + " items/s",
        "training " + field("training", "samplesPerSecond") + " samples/s; label derivation " + field("labels", "rowsPerSecond") + " rows/s",
        "model " + field("model", "flopsPerItem") + " FLOPs an item; matrix-multiply peak " + field("peak", "oneThreadGflops")
            + " GFLOP/s on one thread, " + field("peak", "allCoresGflops") + " on all cores",
        "(--json prints every figure)");
  }

  private Object field(String section, String key) {
    return ((Map<?, ?>) report.get(section)).get(key);
  }

  private interface Step<T> {
    T run() throws Exception;
  }

  private <T> T timed(String name, Step<T> step) throws Exception {
    long started = System.nanoTime();
    T result = step.run();
    @SuppressWarnings("unchecked")
    Map<String, Object> setup = (Map<String, Object>) report.computeIfAbsent("setupSeconds", k -> new LinkedHashMap<String, Object>());
    setup.put(name, round((System.nanoTime() - started) / 1e9, 1));
    return result;
  }

  private void check(boolean condition, String message) {
    if (!condition) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private void say(String format, Object... args) {
    err().println("bench: " + String.format(format, args));
    err().flush();
  }
}
