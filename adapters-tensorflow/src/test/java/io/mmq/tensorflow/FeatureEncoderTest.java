package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.LayoutToken;
import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.task.model.TaskName;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feature pipeline: hashing, truncation and padding, masks, normalisers. */
class FeatureEncoderTest {
  private static final TokenHasher HASH = TokenHasher.STANDARD;
  private final ModelConfig config =
      Hyperparameters.parse(
          Map.of("maxTitleWords", "3", "maxTagWords", "2", "maxSentences", "2", "maxWords", "2", "maxImages", "2",
              "maxLayout", "3", "hashBuckets", "4096", "categoricalBuckets", "64"),
          List.of("ctr", "dwell"));
  private final FeatureSpec spec =
      new FeatureSpec(
          List.of(
              new AtomicNormaliser("followers", AtomicNormaliser.Kind.LOG_MINMAX, 0.0, Math.log1p(999)),
              new AtomicNormaliser("level", AtomicNormaliser.Kind.ZSCORE, 2.0, 0.5)),
          List.of("language", "source"),
          3);
  private final FeatureEncoder encoder =
      new FeatureEncoder(new InputShapes(config, spec, 2), List.of(TaskName.of("ctr"), TaskName.of("dwell")));

  @Test
  void tokensHashToStableBucketsAboveZero() {
    // MurmurHash3 x86_32 of "hello" with seed 0x6d6d71 is -1396972853; floorMod(-1396972853, 4095) = 3637
    assertThat(HASH.bucket("hello", 4096)).isEqualTo(3638);
    assertThat(HASH.bucket("世界", 4096)).isEqualTo(2328);
    assertThat(HASH.bucket("hello", 2)).isEqualTo(1);
    assertThat(HASH.categoryBucket("language", "en", 64)).isEqualTo(41);
  }

  @Test
  void textIsTruncatedAndPaddedAndEmptySentencesAreSkipped() {
    ResourceAttributes a =
        attributes(
            new TextFields(List.of("a", "b", "c", "d"), List.of("t"),
                List.of(List.of(), List.of("x", "y", "z"), List.of("w"), List.of("v"))),
            List.of(), List.of());
    FeatureBatch batch = encoder.encode(List.of(a));
    assertThat(batch.ints(ModelInput.TITLE)).containsExactly(b("a"), b("b"), b("c"));
    assertThat(batch.ints(ModelInput.TAGS)).containsExactly(b("t"), 0);
    assertThat(batch.ints(ModelInput.BODY)).containsExactly(b("x"), b("y"), b("w"), 0);
  }

  @Test
  void layoutIdsAreShiftedByOneSoThatZeroIsPadding() {
    ResourceAttributes a =
        attributes(new TextFields(List.of(), List.of(), List.of()), List.of(),
            List.of(new LayoutToken(ContentBlock.Kind.PARAGRAPH, 0), new LayoutToken(ContentBlock.Kind.IMAGE, 2)));
    int[] layout = encoder.encode(List.of(a)).ints(ModelInput.LAYOUT);
    assertThat(layout).containsExactly(1, 2 * 4 + 2 + 1, 0);
  }

  @Test
  void imagesGiveMaskedPixelsAndEmbeddingsCutOrPaddedToTheFittedLength() {
    float[] pixels = new float[InputShapes.PIXEL_VALUES];
    Arrays.fill(pixels, 0.25f);
    ImageAttributes withPixels = new ImageAttributes(32, 32, 1, 0, 0, pixels, new float[] {1, 2, 3, 4});
    ImageAttributes onlyEmbedding = new ImageAttributes(0, 0, 0, 0, 0, new float[0], new float[] {5});
    ImageAttributes third = new ImageAttributes(0, 0, 0, 0, 0, new float[0], new float[] {9});
    FeatureBatch batch =
        encoder.encode(List.of(attributes(new TextFields(List.of(), List.of(), List.of()),
            List.of(withPixels, onlyEmbedding, third), List.of())));
    assertThat(batch.floats(ModelInput.PIXEL_MASK)).containsExactly(1f, 0f);
    assertThat(batch.floats(ModelInput.EMBEDDING_MASK)).containsExactly(1f, 1f);
    assertThat(batch.floats(ModelInput.IMAGE_EMBEDDING)).containsExactly(1f, 2f, 3f, 5f, 0f, 0f);
    float[] encodedPixels = batch.floats(ModelInput.PIXELS);
    assertThat(encodedPixels[0]).isEqualTo(0.25f);
    assertThat(encodedPixels[InputShapes.PIXEL_VALUES]).isEqualTo(0f);
  }

  @Test
  void atomicValuesAreNormalisedAndMissingOnesAreZero() {
    ResourceAttributes a =
        new ResourceAttributes(new TextFields(List.of(), List.of(), List.of()), List.of(), List.of(),
            Map.of("followers", 99.0, "ignored", 5.0), Map.of("source", "bbc"));
    FeatureBatch batch = encoder.encode(List.of(a));
    // log1p(99) / log1p(999) = 4.6052 / 6.9078 = 0.6667
    assertThat(batch.floats(ModelInput.ATOMIC)[0]).isCloseTo(0.6667f, within(1e-4f));
    assertThat(batch.floats(ModelInput.ATOMIC)[1]).isZero();
    assertThat(batch.ints(ModelInput.CATEGORICAL)).containsExactly(0, HASH.categoryBucket("source", "bbc", 64));
  }

  @Test
  void labelsAndTheirMaskFollowTheTaskOrder() {
    ResourceAttributes a = attributes(new TextFields(List.of("t"), List.of(), List.of()), List.of(), List.of());
    FeatureBatch batch =
        encoder.encodeLabelled(List.of(
            new LabelledAttributes(a, Map.of(TaskName.of("dwell"), Label.POSITIVE)),
            new LabelledAttributes(a, Map.of(TaskName.of("ctr"), Label.NEGATIVE))));
    assertThat(batch.floats(ModelInput.LABELS)).containsExactly(0f, 1f, 0f, 0f);
    assertThat(batch.floats(ModelInput.LABEL_MASK)).containsExactly(0f, 1f, 1f, 0f);
  }

  @Test
  void normalisersAreFittedFromTheTrainingValues() {
    AtomicNormaliser.Fit level = new AtomicNormaliser.Fit();
    for (double v : new double[] {1, 2, 3, 4}) {
      level.add(v);
    }
    AtomicNormaliser z = level.normaliser("level");
    // mean 2.5, population std sqrt(1.25) = 1.1180
    assertThat(z.kind()).isEqualTo(AtomicNormaliser.Kind.ZSCORE);
    assertThat(z.offset()).isEqualTo(2.5);
    assertThat(z.scale()).isCloseTo(1.1180, within(1e-4));
    assertThat(z.apply(4.736)).isCloseTo(2f, within(1e-3f));
    AtomicNormaliser.Fit followers = new AtomicNormaliser.Fit();
    for (int v = 0; v < 19; v++) {
      followers.add(v);
    }
    followers.add(100_000);
    AtomicNormaliser log = followers.normaliser("followers");
    // mean (171 + 100000) / 20 = 5008.55; max 100000 >= 10 * mean: log1p scaled to [0, 1]
    assertThat(log.kind()).isEqualTo(AtomicNormaliser.Kind.LOG_MINMAX);
    assertThat(log.offset()).isZero();
    assertThat(log.scale()).isCloseTo(Math.log(100_001), within(1e-9));
    assertThat(log.apply(100_000)).isEqualTo(1f);
    // log1p(1e10) / log1p(1e5) = 23.026 / 11.513 = 2.0
    assertThat(log.apply(1e10)).isCloseTo(2f, within(1e-3f));
    assertThat(log.apply(-5)).isZero();
    AtomicNormaliser.Fit moderate = new AtomicNormaliser.Fit();
    for (double v : new double[] {0, 1, 2, 9_997}) {
      moderate.add(v);
    }
    // max 9997 < 10 * mean 2500: standardised
    assertThat(moderate.normaliser("m").kind()).isEqualTo(AtomicNormaliser.Kind.ZSCORE);
  }

  @Test
  void theSpecKeepsTheMostFrequentAttributesOrderedByName() {
    ModelConfig two = Hyperparameters.parse(Map.of("maxAtomic", "2", "maxCategorical", "1"), List.of("ctr"));
    FeatureSpec.Fitter fitter = new FeatureSpec.Fitter(two.limits());
    fitter.add(new ResourceAttributes(new TextFields(List.of(), List.of(), List.of()), List.of(), List.of(),
        Map.of("z", 1.0, "m", 1.0, "a", 1.0), Map.of("lang", "en", "src", "x")));
    fitter.add(new ResourceAttributes(new TextFields(List.of(), List.of(), List.of()),
        List.of(new ImageAttributes(0, 0, 0, 0, 0, new float[0], new float[7])), List.of(),
        Map.of("z", 2.0, "m", 3.0), Map.of("src", "y")));
    FeatureSpec fitted = fitter.fit();
    assertThat(fitted.atomic()).extracting(AtomicNormaliser::name).containsExactly("m", "z");
    assertThat(fitted.categorical()).containsExactly("src");
    assertThat(fitted.imageEmbeddingDim()).isEqualTo(7);
  }

  private static int b(String token) {
    return HASH.bucket(token, 4096);
  }

  private static ResourceAttributes attributes(TextFields text, List<ImageAttributes> images, List<LayoutToken> layout) {
    return new ResourceAttributes(text, images, layout, Map.of(), Map.of());
  }
}
