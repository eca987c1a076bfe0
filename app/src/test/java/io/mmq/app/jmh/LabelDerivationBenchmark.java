package io.mmq.app.jmh;

import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.service.DeriveLabelsService;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.testing.fake.InMemoryEngagements;
import io.mmq.core.testing.fake.InMemoryLabels;
import io.mmq.core.testing.fake.InMemoryTaskSets;
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
 * The core's label derivation (R5, {@link DeriveLabelsService} with {@link
 * LabelDerivationPolicy#STANDARD}) of one daily window of {@value #RECORDS} engagement records for
 * the default task set (six tasks), on the in-memory ports: both passes (fitting a labeler per task,
 * then labelling every record) and the replacement of the window's labels. Reported per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LabelDerivationBenchmark {
  static final int RECORDS = 10_000;

  private DeriveLabelsService service;
  private DeriveLabelsCommand command;

  @Setup
  public void recordEngagement() {
    InMemoryEngagements engagements = new InMemoryEngagements();
    engagements.recordAll(BenchmarkData.engagement(RECORDS));
    service = new DeriveLabelsService(
        engagements, new InMemoryLabels(), new InMemoryTaskSets(TaskSet.defaults()), LabelDerivationPolicy.STANDARD);
    command = new DeriveLabelsCommand(BenchmarkData.WINDOW);
    DeriveLabelsResult result = service.derive(command);
    if (result.records() != RECORDS || result.labelledResources() == 0) {
      throw new IllegalStateException("derived " + result.labelledResources() + " labelled of " + result.records() + " records");
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public DeriveLabelsResult deriveLabels() {
    return service.derive(command);
  }
}
