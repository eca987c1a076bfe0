package io.mmq.app.jmh;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.port.out.ModelTrainer;
import io.mmq.core.training.service.HoldoutSplit;
import io.mmq.core.training.service.LabelledExamples;
import io.mmq.tensorflow.TensorflowModule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link QualityModel#predict} of a small TensorFlow model (attribute extraction, feature encoding
 * and the inference graph; one intra-op thread) at batch 1 and batch 256, reported per item. The
 * model is trained once per fork, seeded, in the setup: {@value #ARTICLES} generated articles
 * (60 % with images), labels derived by the core on the in-memory ports, {@link #SMALL} settings
 * through the TensorFlow adapter's trainer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class ModelInferenceBenchmark {
  static final int ARTICLES = 600;
  static final int BATCH = 256;

  /** The small dimensions the application's report tests train with: a model in seconds. */
  static final Map<String, String> SMALL = Map.ofEntries(
      Map.entry("steps", "20"), Map.entry("evalEvery", "10"), Map.entry("batchSize", "32"),
      Map.entry("embeddingDim", "16"), Map.entry("hashBuckets", "1024"), Map.entry("lstmUnits", "16"),
      Map.entry("convFilters", "16"), Map.entry("imageFilters", "8"), Map.entry("fieldDim", "8"),
      Map.entry("experts", "3"), Map.entry("expertDim", "16"), Map.entry("towerDim", "8"),
      Map.entry("maxLayout", "4"), Map.entry("maxSentences", "4"), Map.entry("maxWords", "10"),
      Map.entry("maxImages", "1"), Map.entry("maxTitleWords", "8"), Map.entry("maxTagWords", "4"));

  private QualityModel model;
  private List<List<Resource>> singles;
  private List<List<Resource>> batches;
  private int nextSingle;
  private int nextBatch;

  @Setup
  public void train() {
    Corpus corpus = BenchmarkData.corpus(ARTICLES);
    List<TimeWindow> windows = corpus.windows();
    TimeWindow range = new TimeWindow(windows.get(0).start(), windows.get(windows.size() - 1).end());
    InMemoryCore core = InMemoryCore.create();
    core.taskSets.set(new SetTaskSetCommand(corpus.tasks()));
    core.ingestAndLabel(corpus.resources(), corpus.engagement(), range);
    HoldoutSplit split = new HoldoutSplit(BenchmarkData.SEED, 0.2);
    Injector tensorflow = Guice.createInjector(
        new TensorflowModule(), binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
    TrainedModel trained = tensorflow.getInstance(ModelTrainer.class).train(
        corpus.tasks(),
        LabelledExamples.kept(core.ports.labels, core.ports.resources, range, corpus.tasks(), split),
        LabelledExamples.heldOut(core.ports.labels, core.ports.resources, range, corpus.tasks(), split),
        new TrainingConfig(BenchmarkData.SEED, SMALL),
        Optional.empty(),
        TrainingListener.NONE);
    model = tensorflow.getInstance(QualityModelLoader.class).load(trained.artifact());

    List<Resource> articles = corpus.resources().subList(0, 2 * BATCH);
    singles = articles.stream().map(List::of).toList();
    batches = List.of(articles.subList(0, BATCH), articles.subList(BATCH, 2 * BATCH));
    List<Prediction> predictions = model.predict(batches.get(0));
    if (predictions.size() != BATCH || !predictions.get(0).tasks().keySet().equals(Set.copyOf(corpus.tasks().names()))) {
      throw new IllegalStateException("the model did not predict every task of " + BATCH + " items");
    }
  }

  @TearDown
  public void close() {
    model.close();
  }

  @Benchmark
  public List<Prediction> batch1() {
    List<Resource> single = singles.get(nextSingle);
    nextSingle = (nextSingle + 1) % singles.size();
    return model.predict(single);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<Prediction> batch256() {
    List<Resource> batch = batches.get(nextBatch);
    nextBatch = 1 - nextBatch;
    return model.predict(batch);
  }
}
