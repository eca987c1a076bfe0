package io.mmq.tensorflow;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the model at its default sizes (R23): training samples/s, and inference items/s at
 * batch 1 and batch 256 (attributes in, probabilities out; extraction excluded). Skipped unless
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
      InferenceModel inference = loaded.inference();
      for (int i = 0; i < 200; i++) {
        inference.predict(List.of(items.get(i % 256)));
      }
      int singles = 2000;
      long s0 = System.nanoTime();
      for (int i = 0; i < singles; i++) {
        inference.predict(List.of(items.get(i % 256)));
      }
      double single = (System.nanoTime() - s0) / 1e9;
      for (int i = 0; i < 5; i++) {
        inference.predict(items);
      }
      int batches = 40;
      long b0 = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        inference.predict(items);
      }
      double batched = (System.nanoTime() - b0) / 1e9;
      System.out.printf("BENCH inference batch 1: %.3f ms/call, %.0f items/s%n", single * 1e3 / singles, singles / single);
      System.out.printf("BENCH inference batch 256: %.1f ms/batch, %.0f items/s%n",
          batched * 1e3 / batches, batches * 256 / batched);
    }
  }
}
