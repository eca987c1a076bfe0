package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.training.model.TrainingListener;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;

/**
 * The wide part ({@code channel.wide}): its sparse features, its variables, and that it learns a
 * linear token signal that the deep channels it is paired with have no access to.
 */
class WidePartTest {
  /** The deep channels are the atomic and categorical ones; the title reaches the model only through the wide part. */
  private static final Map<String, String> NO_DEEP_TEXT =
      TestModels.with(
          TestModels.small(), "channel.title", "false", "channel.tags", "false", "channel.body", "false",
          "channel.fusion", "false", "channel.style", "false", "wideBuckets", "65536",
          "lossThreshold.noise", "100");

  @Test
  void wideFeaturesHoldTitleTokensAndPairsTagsBodyWordsAndCategoricalValues() {
    Map<String, String> h = TestModels.with(NO_DEEP_TEXT, "channel.wide", "true", "maxTitleWords", "3");
    ModelConfig config = Hyperparameters.parse(h, List.of("signal", "noise"));
    LabelledAttributes example = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 1, 3).get(0);
    ResourceAttributes a = example.attributes();
    FeatureSpec.Fitter fitter = new FeatureSpec.Fitter(config.limits());
    fitter.add(a);
    InputShapes shapes = new InputShapes(config, fitter.fit(), 2);
    int[] ids = new FeatureEncoder(shapes, SyntheticCorpus.TASKS.names()).encode(List.of(a)).ints(ModelInput.WIDE);

    List<String> title = a.text().title();
    TokenHasher hash = TokenHasher.STANDARD;
    assertThat(ids).hasSize(shapes.wideSlots());
    assertThat(ids).startsWith(
        hash.bucket("t:" + title.get(0), 65536),
        hash.bucket("t:" + title.get(1), 65536),
        hash.bucket("t2:" + title.get(0) + ' ' + title.get(1), 65536),
        hash.bucket("t:" + title.get(2), 65536),
        hash.bucket("t2:" + title.get(1) + ' ' + title.get(2), 65536));
    String key = shapes.spec().categorical().get(0);
    assertThat(ids).contains(hash.bucket("c:" + key + '=' + a.categorical().get(key), 65536));
    assertThat(ids).contains(hash.bucket("b:" + a.text().bodyTokens().get(0), 65536));
  }

  @Test
  void theWidePartHasOneWeightPerBucketAndTaskAndIsGoneWhenOff() {
    assertThat(variables(TestModels.with(NO_DEEP_TEXT, "channel.wide", "true")))
        .containsEntry("wide.weights", List.of(65536L, 2L))
        .containsEntry("wide.atomic", List.of(5L, 2L));
    assertThat(variables(TestModels.with(NO_DEEP_TEXT, "channel.wide", "false")).keySet())
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("wide."));
  }

  /**
   * A title word signal (five good words, five bad, among random words) is linear in the title's
   * tokens: learnt through the wide part (test AUC >= 0.9), not without it (<= 0.6), the deep
   * atomic and categorical channels carrying random content in both runs.
   */
  @Test
  void aLinearTitleSignalIsLearntThroughTheWidePartOnly() {
    List<LabelledAttributes> training = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 1024, 21);
    List<LabelledAttributes> validation = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 256, 22);
    List<LabelledAttributes> test = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 512, 23);

    double on = testAuc(training, validation, test, "true");
    double off = testAuc(training, validation, test, "false");

    System.out.printf("planted TITLE: test AUC with the wide part %.3f, without %.3f%n", on, off);
    assertThat(on).as("AUC with the wide part").isGreaterThanOrEqualTo(0.9);
    assertThat(off).as("AUC without the wide part").isLessThanOrEqualTo(0.6);
  }

  private static double testAuc(
      List<LabelledAttributes> training, List<LabelledAttributes> validation, List<LabelledAttributes> test,
      String wide) {
    Map<String, String> h = TestModels.with(NO_DEEP_TEXT, "channel.wide", wide);
    return ChannelSignalTest.testAuc(TestModels.train(training, validation, 5, h, TrainingListener.NONE), test);
  }

  private static Map<String, List<Long>> variables(Map<String, String> h) {
    ModelConfig config = Hyperparameters.parse(h, List.of("signal", "noise"));
    FeatureSpec.Fitter fitter = new FeatureSpec.Fitter(config.limits());
    SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 16, 3).forEach(e -> fitter.add(e.attributes()));
    try (Graph graph = new Graph()) {
      InputShapes shapes = new InputShapes(config, fitter.fit(), 2);
      TrainingGraph model = new TrainingGraph(graph, shapes, new float[] {1f, 0.25f}, 42, Optional.empty());
      Map<String, List<Long>> variables = new LinkedHashMap<>();
      model.variables().forEach((name, v) -> variables.put(name, Arrays.stream(v.shape().asArray()).boxed().toList()));
      return variables;
    }
  }
}
