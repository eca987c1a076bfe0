package io.mmq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code mmq bench} end to end at tiny sizes: one JSON object with every figure, each plausible. */
class BenchCommandTest {

  @Test
  void measuresEveryFigureAtTinySizesAndPrintsOneJsonObject() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var line = MmqCommand.newCommandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));

    int exit = line.execute("bench", "--json", "--articles", "200", "--steps", "10", "--set", "evalEvery=10",
        "--set", "maxLayout=4", "--rounds", "1", "--seconds", "0.2", "--latency-calls", "40", "--concurrency", "4",
        "--grpc-seconds", "10", "--peak-size", "128");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString().strip().lines()).hasSize(1);
    Struct.Builder parsed = Struct.newBuilder();
    JsonFormat.parser().merge(out.toString(), parsed);
    Struct report = parsed.build();

    assertThat(number(report, "machine", "cores")).isGreaterThanOrEqualTo(1);
    assertThat(number(report, "labels", "rows")).isEqualTo(200);
    assertThat(number(report, "labels", "rowsPerSecond")).isPositive();

    assertThat(number(report, "training", "steps")).isEqualTo(10);
    assertThat(number(report, "training", "batchSize")).isEqualTo(32);
    assertThat(number(report, "training", "stepMilliseconds")).isPositive();
    assertThat(number(report, "training", "samplesPerSecond"))
        .isCloseTo(32 * 1000 / number(report, "training", "stepMilliseconds"), org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(number(report, "training", "samplesPerSecondWall")).isPositive()
        .isLessThan(number(report, "training", "samplesPerSecond"));

    assertThat(number(report, "model", "flopsPerItem")).isGreaterThan(1000);
    assertThat(section(report, "model").getFieldsOrThrow("flopsByOpType").getStructValue().getFieldsMap())
        .containsKeys("MatMul", "Conv2D");
    assertThat(number(report, "peak", "oneThreadGflops")).isPositive();
    assertThat(number(report, "peak", "allCoresGflops")).isPositive();

    for (String batch : new String[] {"batch1", "batch256"}) {
      Struct figure = section(section(report, "inProcess"), batch);
      assertThat(figure.getFieldsOrThrow("itemsPerSecond").getNumberValue()).isPositive();
      assertThat(figure.getFieldsOrThrow("ofOneThreadPeak").getNumberValue()).isPositive().isLessThan(1);
    }

    Struct grpc = section(report, "grpc");
    for (String latency : new String[] {"latencyCold", "latencyWarm"}) {
      Struct figure = section(grpc, latency);
      assertThat(figure.getFieldsOrThrow("calls").getNumberValue()).isPositive();
      double p50 = figure.getFieldsOrThrow("p50Ms").getNumberValue();
      double p99 = figure.getFieldsOrThrow("p99Ms").getNumberValue();
      double p999 = figure.getFieldsOrThrow("p999Ms").getNumberValue();
      assertThat(p50).isPositive().isLessThanOrEqualTo(p99);
      assertThat(p99).isLessThanOrEqualTo(p999);
      assertThat(p999).isLessThanOrEqualTo(figure.getFieldsOrThrow("maxMs").getNumberValue());
    }
    Struct throughput = section(grpc, "throughputCold");
    assertThat(throughput.getFieldsOrThrow("concurrency").getNumberValue()).isEqualTo(4);
    assertThat(throughput.getFieldsOrThrow("callsPerSecond").getNumberValue()).isPositive();
    assertThat(throughput.getFieldsOrThrow("itemsPerSecond").getNumberValue())
        .isGreaterThan(throughput.getFieldsOrThrow("callsPerSecond").getNumberValue());
    assertThat(throughput.getFieldsOrThrow("ofAllCoresPeak").getNumberValue()).isPositive().isLessThan(1);
    assertThat(report.getFieldsOrThrow("seconds").getNumberValue()).isPositive();
    assertThat(err.toString()).contains("bench: ");
  }

  private static Struct section(Struct parent, String name) {
    Value value = parent.getFieldsOrThrow(name);
    return value.getStructValue();
  }

  private static double number(Struct report, String section, String field) {
    return section(report, section).getFieldsOrThrow(field).getNumberValue();
  }
}
