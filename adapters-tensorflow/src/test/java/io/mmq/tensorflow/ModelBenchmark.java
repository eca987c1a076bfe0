package io.mmq.tensorflow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the model at its default sizes (R23): training samples/s, and inference items/s at
 * batch 1 and batch 256 (attributes in, probabilities out; extraction excluded), FLOPs an item and
 * the one-thread matrix-multiply peak, through {@link ModelProfiler}. Skipped unless
 * run with {@code -Dmmq.bench=true}:
 *
 * <pre>mvn -B -ntp -pl adapters-tensorflow test -Dtest=ModelBenchmark -Dmmq.bench=true</pre>
 */
class ModelBenchmark {
  private static final int STEPS = 200;

  @Test
  void trainingAndInferenceThroughput() {
    assumeTrue(Boolean.getBoolean("mmq.bench"), "benchmark: run with -Dmmq.bench=true");
    List<LabelledAttributes> training = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 2048, 61);
    List<LabelledAttributes> validation = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 64, 62);
    Map<String, String> defaults = Map.of("evalEvery", "100000", "patience", "0", "lossThreshold", "0");
    int batch = ModelConfig.DEFAULTS.schedule().batchSize();

    long t0 = System.nanoTime();
    TestModels.train(training, validation, 1, TestModels.with(defaults, "steps", "20"), TrainingListener.NONE);
    long t1 = System.nanoTime();
    TrainedModel model =
        TestModels.train(training, validation, 1, TestModels.with(defaults, "steps", Integer.toString(20 + STEPS)),
            TrainingListener.NONE);
    long t2 = System.nanoTime();
    double stepSeconds = ((t2 - t1) - (t1 - t0)) / 1e9 / STEPS;
    System.out.printf("BENCH training (default sizes, batch %d): %.1f ms/step, %.0f samples/s; fixed cost %.1f s%n",
        batch, stepSeconds * 1e3, batch / stepSeconds, (t1 - t0) / 1e9);

    List<ResourceAttributes> items = ChannelSignalTest.attributes(SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 256, 63));
    try (TfQualityModel loaded = TestModels.load(model)) {
      ModelProfiler.Rate single = ModelProfiler.inference(loaded.inference(), items, 1, Duration.ofSeconds(2));
      ModelProfiler.Rate batched = ModelProfiler.inference(loaded.inference(), items, 256, Duration.ofSeconds(2));
      System.out.printf("BENCH inference batch 1: %.3f ms/call, %.0f items/s%n",
          1e3 / single.callsPerSecond(), single.itemsPerSecond());
      System.out.printf("BENCH inference batch 256: %.1f ms/batch, %.0f items/s%n",
          1e3 / batched.callsPerSecond(), batched.itemsPerSecond());
      ModelProfiler.FlopCount flops = ModelProfiler.flopsPerItem(loaded);
      ModelProfiler.MatMulPeak peak = ModelProfiler.matMulPeak(1024, 1, 5);
      System.out.printf("BENCH %d FLOPs an item %s; matmul peak, one thread, %.1f GFLOP/s; batch 256 reaches %.1f %%%n",
          flops.flopsPerItem(), flops.byOpType(), peak.bestGflops(),
          100 * flops.flopsPerItem() * batched.itemsPerSecond() / 1e9 / peak.bestGflops());
    }
  }
}
