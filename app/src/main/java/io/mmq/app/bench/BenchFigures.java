package io.mmq.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** How the benchmark's measurements read in its JSON report: figures rounded, runs kept. */
public final class BenchFigures {
  private BenchFigures() {}

  /** Latency percentiles and rates of one run. */
  public static Map<String, Object> latency(ClassifyLoad.Outcome outcome, String resources) {
    Samples ms = outcome.latencyMs();
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("resources", resources);
    figure.put("concurrency", outcome.concurrency());
    figure.put("itemsPerCall", outcome.itemsPerCall());
    figure.put("calls", outcome.calls());
    figure.put("p50Ms", round(ms.median(), 3));
    figure.put("p99Ms", round(ms.percentile(0.99), 3));
    figure.put("p999Ms", round(ms.percentile(0.999), 3));
    figure.put("maxMs", round(ms.max(), 3));
    figure.put("callsPerSecond", round(outcome.callsPerSecond(), 0));
    return figure;
  }

  /** The median items/s and calls/s of the runs, their pooled latencies and the share of the peak. */
  public static Map<String, Object> throughput(
      List<ClassifyLoad.Outcome> runs, int concurrency, int batch, long flops, double allCoresPeak) {
    double items = Samples.of(runs.stream().map(ClassifyLoad.Outcome::itemsPerSecond).toList()).median();
    double calls = Samples.of(runs.stream().map(ClassifyLoad.Outcome::callsPerSecond).toList()).median();
    Samples latencies = Samples.of(runs.stream().flatMapToDouble(o -> java.util.Arrays.stream(o.latencyMs().values())).toArray());
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("resources", "unseen resources");
    figure.put("concurrency", concurrency);
    figure.put("itemsPerCall", batch);
    figure.put("calls", runs.stream().mapToInt(ClassifyLoad.Outcome::calls).sum());
    figure.put("items", runs.stream().mapToLong(ClassifyLoad.Outcome::items).sum());
    figure.put("itemsPerSecond", round(items, 0));
    figure.put("callsPerSecond", round(calls, 0));
    figure.put("runsItemsPerSecond", rounded(runs.stream().map(ClassifyLoad.Outcome::itemsPerSecond).toList(), 0));
    figure.put("p50Ms", round(latencies.median(), 3));
    figure.put("p99Ms", round(latencies.percentile(0.99), 3));
    figure.put("gflops", round(items * flops / 1e9, 3));
    figure.put("ofAllCoresPeak", round(items * flops / 1e9 / allCoresPeak, 4));
    return figure;
  }

  /** Cores, CPU model, OS, Java and heap of this machine. */
  public static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    cpuModel().ifPresent(cpu -> machine.put("cpu", cpu));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("java", System.getProperty("java.version"));
    machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return machine;
  }

  private static java.util.Optional<String> cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  public static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  public static List<Double> rounded(List<Double> values, int digits) {
    return values.stream().map(v -> round(v, digits)).toList();
  }
}
