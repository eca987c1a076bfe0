package io.mmq.app.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** JMH options shared by the suite and its smoke test, and a per-item table of the results. */
final class JmhRuns {
  /** Where the JSON results go (the module's build directory; tests run in the module). */
  static final Path RESULTS = Path.of("target", "jmh");

  private JmhRuns() {}

  /**
   * The benchmarks matching {@code include} (a regular expression over {@code class.method}), one
   * fork each with a fixed 1 GiB heap, the iterations their annotations give, the JSON results in
   * {@code RESULTS/resultFile}. A benchmark that fails fails the run.
   */
  static ChainedOptionsBuilder options(String include, String resultFile) {
    try {
      Files.createDirectories(RESULTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OptionsBuilder()
        .include(include)
        .forks(1)
        .jvmArgs("-Xms1g", "-Xmx1g")
        .shouldFailOnError(true)
        .result(RESULTS.resolve(resultFile).toString())
        .resultFormat(ResultFormatType.JSON);
  }

  /**
   * One row a benchmark: its parameters, mean ± error (99.9 %), median and best (lowest) of the
   * measured iterations, and items a second at the median (an operation is one item: a record, a
   * resource, a line or a predicted item).
   */
  static String table(Collection<RunResult> results) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%-42s %-16s %26s %10s %10s %10s%n", "benchmark", "params", "mean ± error", "median", "best", "items/s"));
    for (RunResult run : results) {
      Result<?> result = run.getPrimaryResult();
      String name = run.getParams().getBenchmark().replace("io.mmq.app.jmh.", "");
      String params = run.getParams().getParamsKeys().stream()
          .map(key -> key + "=" + run.getParams().getParam(key))
          .collect(Collectors.joining(","));
      double median = result.getStatistics().getPercentile(50);
      table.append(String.format(Locale.ROOT, "%-42s %-16s %26s %10.3f %10.3f %10.0f%n", name, params,
          String.format(Locale.ROOT, "%.3f ± %.3f %s", result.getScore(), result.getScoreError(), result.getScoreUnit()),
          median, result.getStatistics().getMin(), perSecond(median, result.getScoreUnit())));
    }
    return table.toString();
  }

  /** Operations a second from a time an operation in {@code unit} ("us/op", "ms/op", "ns/op"). */
  private static double perSecond(double time, String unit) {
    double seconds = switch (unit) {
      case "ns/op" -> 1e-9;
      case "us/op" -> 1e-6;
      case "ms/op" -> 1e-3;
      case "s/op" -> 1;
      default -> throw new IllegalArgumentException("not a time an operation: " + unit);
    };
    return 1 / (time * seconds);
  }
}
