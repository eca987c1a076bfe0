package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.training.model.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inference: batch API, thread safety, shape checks, closing, and flat native memory. */
class InferenceTest {
  private static final int CALLS = 10_000;
  private static TfQualityModel model;
  private static List<ResourceAttributes> inputs;

  @BeforeAll
  static void load() {
    model =
        TestModels.load(
            TestModels.train(
                SyntheticCorpus.generate(SyntheticCorpus.Signal.IMAGE, 128, 41),
                SyntheticCorpus.generate(SyntheticCorpus.Signal.IMAGE, 32, 42),
                1,
                TestModels.brief(10),
                TrainingListener.NONE));
    inputs = ChannelSignalTest.attributes(SyntheticCorpus.generate(SyntheticCorpus.Signal.IMAGE, 300, 43));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theWorkOfOneItemIsCountedOnTheInferenceGraphAndScalesWithTheBatch() {
    ModelProfiler.FlopCount one = ModelProfiler.flopsPerItem(model);
    long two;
    try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
      org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(graph);
      ArtifactContents contents = model.contents();
      new QualityNetwork(tf, new FrozenParameters(tf, contents.weights()), contents.shapes(), 2);
      two = ModelProfiler.count(graph).flopsPerItem();
    }

    assertThat(one.flopsPerItem()).isPositive();
    assertThat(one.byOpType()).containsKeys("MatMul", "Conv2D");
    assertThat(two).isEqualTo(2 * one.flopsPerItem());
  }

  @Test
  void aBatchGivesTheSamePredictionsAsSingleCallsAndIsSplitAt256() {
    float[][] batch = model.inference().predict(inputs).probabilities(); // 300 rows: 256 + 44
    assertThat(batch).hasNumberOfRows(300);
    for (int i : new int[] {0, 255, 256, 299}) {
      float[] single = model.inference().predict(List.of(inputs.get(i))).probabilities()[0];
      assertThat(single[0]).isCloseTo(batch[i][0], org.assertj.core.data.Offset.offset(1e-6f));
      assertThat(single[1]).isCloseTo(batch[i][1], org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  /**
   * Attributes with nothing in them (no title, tags, body, images, layout, atomic or categorical
   * values: every input is padding) get finite probabilities from every deep channel, alone and
   * between ordinary rows, whose probabilities they leave as they are.
   */
  @Test
  void emptyAttributesGetFiniteProbabilitiesAndLeaveTheirNeighboursAlone() {
    ResourceAttributes empty =
        new ResourceAttributes(new TextFields(List.of(), List.of(), List.of()), List.of(), List.of(), Map.of(), Map.of());
    float[][] alone = model.inference().predict(List.of(empty)).probabilities();
    float[][] mixed = model.inference().predict(List.of(empty, inputs.get(0), empty, inputs.get(1))).probabilities();
    float[][] ordinary = model.inference().predict(inputs.subList(0, 2)).probabilities();

    for (float[] row : List.of(alone[0], mixed[0], mixed[1], mixed[2], mixed[3])) {
      assertThat(row).hasSize(2);
      for (float p : row) {
        assertThat(p).isFinite().isBetween(0f, 1f);
      }
    }
    assertThat(mixed[0]).containsExactly(alone[0], offset(1e-6f));
    assertThat(mixed[1]).containsExactly(ordinary[0], offset(1e-6f));
    assertThat(mixed[3]).containsExactly(ordinary[1], offset(1e-6f));
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsOneCaller() throws Exception {
    float[][] expected = model.inference().predict(inputs.subList(0, 40)).probabilities();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[][]>> futures = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        futures.add(pool.submit(() -> model.inference().predict(inputs.subList(0, 40)).probabilities()));
      }
      for (Future<float[][]> f : futures) {
        assertThat(f.get()).isDeepEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBatchWhoseShapeDoesNotFitIsRejectedByOurCheck() {
    FeatureEncoder encoder = model.inference().encoder();
    FeatureBatch batch = encoder.encode(inputs.subList(0, 3));
    FeatureBatch wrong = new FeatureBatch(shapesWithTitle(encoder.shapes(), 5), 3, encoder.shapes().active());
    assertThat(batch.rows()).isEqualTo(3);
    assertThatThrownBy(() -> model.inference().score(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("input TITLE has shape [3, 5], the model needs [3, 8]");
  }

  @Test
  void predictingAfterCloseFails() {
    TfQualityModel second = TestModels.load(ModelArtifact.of(ArtifactFormat.write(model.contents())));
    second.close();
    second.close(); // idempotent
    assertThatThrownBy(() -> second.inference().predict(inputs.subList(0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the model is closed");
  }

  @Test
  void nativeMemoryStaysFlatOverTenThousandCalls() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
    List<ResourceAttributes> one = List.of(inputs.get(0));
    long[] rss = new long[CALLS / 1000 + 1];
    long started = System.nanoTime();
    for (int i = 1; i <= CALLS; i++) {
      model.inference().predict(i % 10 == 0 ? inputs.subList(0, 16) : one);
      if (i % 1000 == 0) {
        rss[i / 1000] = rssKb();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long growth = rss[10] - rss[2];
    System.out.printf(
        "native memory: RSS after 1k/2k/5k/10k calls = %d/%d/%d/%d MB; growth 2k->10k %d KB; %.0f calls/s%n",
        rss[1] / 1024, rss[2] / 1024, rss[5] / 1024, rss[10] / 1024, growth, CALLS / seconds);
    assertThat(growth).as("RSS growth in KB between call 2,000 and 10,000").isLessThan(24 * 1024);
  }

  private static InputShapes shapesWithTitle(InputShapes shapes, int titleWords) {
    var map = new java.util.HashMap<>(Hyperparameters.toMap(shapes.config()));
    map.put("maxTitleWords", Integer.toString(titleWords));
    return new InputShapes(Hyperparameters.parse(map, List.of("signal", "noise")), shapes.spec(), shapes.tasks());
  }

  static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
