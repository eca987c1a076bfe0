package io.mmq.app.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The JMH micro-benchmarks (R23), skipped unless run with {@code -Dmmq.jmh=true}:
 *
 * <pre>mvn -B -ntp verify -pl app -am -Dtest=JmhSuiteTest -Dsurefire.failIfNoSpecifiedTests=false -Dmmq.jmh=true</pre>
 *
 * One fork a benchmark, 5 measured iterations of 1 s after the warm-up its class declares (longer
 * where the JIT takes longer to settle), average time an item. JMH's report goes to stdout, the
 * results to {@code app/target/jmh/results.json}, then a table per item.
 * {@code -Dmmq.jmh.include=REGEX} runs only the matching benchmarks.
 */
class JmhSuiteTest {
  @Test
  void runsTheBenchmarks() throws RunnerException {
    assumeTrue(Boolean.getBoolean("mmq.jmh"), "JMH benchmarks: run with -Dmmq.jmh=true");
    String include = System.getProperty("mmq.jmh.include", "io\\.mmq\\.app\\.jmh\\.");
    long started = System.nanoTime();
    Collection<RunResult> results =
        new Runner(JmhRuns.options(include, "results.json").build()).run();

    System.out.println(JmhRuns.table(results));
    System.out.printf("JMH suite: %d benchmarks in %.0f s; results in %s%n", results.size(),
        (System.nanoTime() - started) / 1e9, JmhRuns.RESULTS.resolve("results.json").toAbsolutePath());
    assertThat(results).isNotEmpty()
        .allSatisfy(run -> assertThat(run.getPrimaryResult().getScore()).isPositive().isFinite());
  }
}
