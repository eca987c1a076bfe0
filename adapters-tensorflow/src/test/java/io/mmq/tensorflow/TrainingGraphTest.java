package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * The training graph: its masked, weighted loss, and one Adam step moving every parameter. Both
 * tests share one graph and session (building them is most of the cost): the loss check compares
 * the graph's loss with one computed here from the same run's logits, so it holds before and after
 * the other test's step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingGraphTest {
  private static final float NOISE_WEIGHT = 0.25f;

  private Fixture f;

  @BeforeAll
  void build() {
    f = new Fixture(Map.of());
  }

  @AfterAll
  void close() {
    f.close();
  }

  @Test
  void oneStepChangesTheVariablesOfEverySubNetwork() {
    Map<String, float[]> before = f.variables();
    f.run(true);
    Map<String, float[]> after = f.variables();

    List<String> unchanged = new ArrayList<>();
    before.forEach((name, values) -> {
      if (Arrays.equals(values, after.get(name))) {
        unchanged.add(name);
      }
    });
    assertThat(unchanged).as("variables left unchanged by one step").isEmpty();
    assertThat(before.keySet().stream().map(n -> n.substring(0, n.indexOf('.'))).distinct())
        .containsExactlyInAnyOrder(
            "text", "title", "tags", "body", "fusion", "image", "style", "atomic", "channel_norm", "mtl");
  }

  @Test
  void lossIsTheWeightedSumOfPerTaskMeansOverLabelledExamplesOnly() {
    Result r = f.run(false);
    try (r) {
      float[] logits = TfSessions.values((TFloat32) r.get(0));
      float[] taskLoss = TfSessions.values((TFloat32) r.get(1));
      float loss = ((TFloat32) r.get(2)).getFloat();
      float[] labels = f.batch.floats(ModelInput.LABELS);
      float[] mask = f.batch.floats(ModelInput.LABEL_MASK);
      double[] expected = new double[2];
      int[] counts = new int[2];
      for (int i = 0; i < f.batch.rows(); i++) {
        for (int t = 0; t < 2; t++) {
          if (mask[i * 2 + t] > 0) {
            double z = logits[i * 2 + t];
            expected[t] += Math.log1p(Math.exp(z)) - z * labels[i * 2 + t];
            counts[t]++;
          }
        }
      }
      assertThat(counts[1]).isBetween(1, f.batch.rows() - 1); // some noise labels are masked
      assertThat((double) taskLoss[0]).isCloseTo(expected[0] / counts[0], org.assertj.core.data.Offset.offset(1e-5));
      assertThat((double) taskLoss[1]).isCloseTo(expected[1] / counts[1], org.assertj.core.data.Offset.offset(1e-5));
      assertThat((double) loss).isCloseTo(taskLoss[0] + NOISE_WEIGHT * taskLoss[1], org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void weightDecayShrinksEveryParameterAfterTheAdamStep() {
    Map<String, String> atomicOnly = new java.util.HashMap<>(Map.of("learningRate", "0.01"));
    for (String c : List.of("title", "tags", "body", "fusion", "image", "style", "categorical")) {
      atomicOnly.put("channel." + c, "false");
    }
    Map<String, String> decayedSettings = new java.util.HashMap<>(atomicOnly);
    decayedSettings.put("weightDecay", "0.5");
    try (Fixture plain = new Fixture(atomicOnly); Fixture decayed = new Fixture(decayedSettings)) {
      plain.run(true);
      decayed.run(true);
      Map<String, float[]> expected = plain.variables();
      Map<String, float[]> actual = decayed.variables();
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      expected.forEach((name, values) -> {
        for (int i = 0; i < values.length; i++) {
          assertThat(actual.get(name)[i]).as(name + "[" + i + "]")
              .isCloseTo(values[i] * (1 - 0.01f * 0.5f), org.assertj.core.data.Offset.offset(1e-6f));
        }
      });
    }
  }

  /** Every cross mode builds a graph whose every parameter one step moves (none is left unreachable). */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(CrossMode.class)
  void everyCrossModeTrainsEveryParameter(CrossMode cross) {
    Map<String, String> atomicOnly = new java.util.HashMap<>(Map.of("cross", cross.name()));
    for (String c : List.of("title", "tags", "body", "fusion", "image", "style")) {
      atomicOnly.put("channel." + c, "false");
    }
    try (Fixture fixture = new Fixture(atomicOnly)) {
      Map<String, float[]> before = fixture.variables();
      fixture.run(true);
      Map<String, float[]> after = fixture.variables();
      assertThat(before.keySet()).anyMatch(name -> name.startsWith(cross == CrossMode.FM ? "atomic.field" : "atomic.cross"));
      before.forEach((name, values) -> assertThat(after.get(name)).as(name).isNotEqualTo(values));
    }
  }

  /** A training graph over the small configuration and one batch of 16 synthetic examples. */
  private static final class Fixture implements AutoCloseable {
    final Graph graph = new Graph();
    final TrainingGraph model;
    final Session session;
    final FeatureBatch batch;

    Fixture(Map<String, String> overrides) {
      Map<String, String> h = TestModels.with(TestModels.small());
      h.putAll(overrides);
      List<LabelledAttributes> examples = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 16, 3);
      ModelConfig config = Hyperparameters.parse(h, List.of("signal", "noise"));
      FeatureSpec.Fitter fitter = new FeatureSpec.Fitter(config.limits());
      examples.forEach(e -> fitter.add(e.attributes()));
      FeatureEncoder encoder =
          new FeatureEncoder(new InputShapes(config, fitter.fit(), 2), SyntheticCorpus.TASKS.names());
      batch = encoder.encodeLabelled(examples);
      model = new TrainingGraph(graph, encoder.shapes(), new float[] {1f, NOISE_WEIGHT}, 42, Optional.empty());
      session = new Session(graph, TfSessions.CONFIG);
      session.initialize();
    }

    /** Feeds the batch; with {@code train} one Adam step, else logits, task losses and the loss. */
    Result run(boolean train) {
      Session.Runner runner = session.runner().setOptions(TfSessions.RUN);
      try (FeatureBatch.BatchTensors tensors = batch.toTensors()) {
        model.feed(runner, tensors, batch.rows());
        if (train) {
          runner.addTarget(model.trainOp()).fetch(model.loss()).run().close();
          return null;
        }
        return runner.fetch(model.network().logits()).fetch(model.taskLoss()).fetch(model.loss()).run();
      }
    }

    Map<String, float[]> variables() {
      Map<String, float[]> values = new LinkedHashMap<>();
      Session.Runner runner = session.runner();
      List<String> names = new ArrayList<>(model.variables().keySet());
      names.forEach(n -> runner.fetch(model.variables().get(n)));
      try (Result r = runner.run()) {
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), TfSessions.values((TFloat32) r.get(i)));
        }
      }
      return values;
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }
}
