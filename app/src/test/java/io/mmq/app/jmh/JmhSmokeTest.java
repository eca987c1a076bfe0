package io.mmq.app.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH harness works from the test run: the annotation processor listed every benchmark, and one
 * of them runs in a forked JVM (on the test class path) and gives a positive score.
 */
class JmhSmokeTest {
  @Test
  void everyBenchmarkIsGenerated() throws IOException {
    String list;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList on the test class path").isNotNull();
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String benchmark : List.of(
        "LabelDerivationBenchmark.deriveLabels", "AttributeExtractionBenchmark.extract",
        "ModelInferenceBenchmark.batch1", "ModelInferenceBenchmark.batch256",
        "ResourceFingerprintBenchmark.fingerprint", "ResourceFingerprintBenchmark.cachedLookup",
        "JsonLinesBenchmark.readResources")) {
      String[] parts = benchmark.split("\\.");
      assertThat(list).as(benchmark).containsPattern(
          "io\\.mmq\\.app\\.jmh\\." + parts[0] + "\\b[^\\n]*\\b" + parts[1] + "\\b");
    }
  }

  @Test
  void oneBenchmarkRunsInAFork() throws RunnerException, IOException {
    Collection<RunResult> results = new Runner(JmhRuns.options(
            "io\\.mmq\\.app\\.jmh\\.ResourceFingerprintBenchmark\\.fingerprint$", "smoke.json")
        .param("kind", "TEXT")
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .build())
        .run();

    assertThat(results).hasSize(1);
    RunResult run = results.iterator().next();
    assertThat(run.getParams().getForks()).isEqualTo(1);
    assertThat(run.getPrimaryResult().getScoreUnit()).isEqualTo("us/op");
    assertThat(run.getPrimaryResult().getScore()).isPositive().isFinite();
    assertThat(Files.readString(JmhRuns.RESULTS.resolve("smoke.json")))
        .contains("\"benchmark\" : \"io.mmq.app.jmh.ResourceFingerprintBenchmark.fingerprint\"");
  }
}
