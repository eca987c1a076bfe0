package io.mmq.app.jmh;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.policy.AttributeExtractor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code AttributeExtractor.standard().extract(resource)}: the R2 attributes of one article (text
 * fields, statistics, layout; decoding and measuring the image of a {@code ONE_IMAGE} article).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class AttributeExtractionBenchmark {
  private final AttributeExtractor extractor = AttributeExtractor.standard();

  @Benchmark
  public ResourceAttributes extract(Articles articles) {
    return extractor.extract(articles.next());
  }
}
