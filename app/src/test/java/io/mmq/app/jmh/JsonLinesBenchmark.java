package io.mmq.app.jmh;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.mmq.core.resource.model.Resource;
import io.mmq.grpc.mapping.JsonLines;
import io.mmq.grpc.mapping.RequestLimits;
import io.mmq.grpc.mapping.ResourceMapper;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The import reader ({@code mmq import --resources}) on R17 JSON Lines: {@link
 * JsonLines#readResources} over a file of {@value Articles#POOL} article lines as {@code mmq
 * generate} writes them (proto3 JSON, images as base64), each line parsed, checked against the
 * default request limits and mapped to a domain resource. Reported per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonLinesBenchmark {
  private static final JsonFormat.Printer LINE =
      JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();

  private String file;

  @Setup
  public void writeLines(Articles articles) throws InvalidProtocolBufferException {
    StringBuilder lines = new StringBuilder();
    for (Resource article : articles.all()) {
      lines.append(LINE.print(ResourceMapper.toProto(article))).append('\n');
    }
    file = lines.toString();
    int parsed = readAll();
    if (parsed != Articles.POOL) {
      throw new IllegalStateException("parsed " + parsed + " of " + Articles.POOL + " lines");
    }
  }

  @Benchmark
  @OperationsPerInvocation(Articles.POOL)
  public int readResources() {
    return readAll();
  }

  /** Reads every line; the number parsed, so that a rejected line shows. */
  private int readAll() {
    int[] parsed = {0};
    JsonLines.readResources(new BufferedReader(new StringReader(file)), RequestLimits.DEFAULT, line -> {
      if (line instanceof JsonLines.Parsed<Resource>) {
        parsed[0]++;
      }
    });
    return parsed[0];
  }
}
