package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.LayoutToken;
import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded synthetic corpora for the model tests. Every example has random content in every channel
 * (title, tags, body sentences, images, layout, atomic and categorical attributes); the task
 * {@code signal} is planted in one channel only, the task {@code noise} has random labels, half of
 * them missing (masked).
 */
final class SyntheticCorpus {
  static final TaskName SIGNAL = TaskName.of("signal");
  static final TaskName NOISE = TaskName.of("noise");
  static final TaskSet TASKS =
      TaskSet.of(
          Task.higherIsBetter("signal", "signal_rate"),
          Task.higherIsBetter("noise", "noise_rate").withWeight(0.25));

  /** Where the signal is planted. */
  enum Signal {
    /** Title holds one of five "good" words (positive) or one of five "bad" words. */
    TITLE,
    /** The one sentence holding the key word is among the first two (positive) or the last two. */
    SENTENCE_ORDER,
    /** Every image has horizontal (positive) or vertical stripes; colours and phase random. */
    IMAGE,
    /**
     * Every sentence names an orientation; positive when the images' stripes (also encoded in their
     * embedding) agree with it.
     */
    IMAGE_TEXT_AGREEMENT,
    /** The layout holds one image and one heading; positive when the image comes first. */
    LAYOUT_ORDER,
    /** Positive when exactly one of the atomic attributes a and b is positive. */
    ATOMIC_XOR,
    /** No signal at all. */
    NONE
  }

  static final int SENTENCES = 4;
  private static final int SIDE = ImageAttributes.THUMBNAIL_SIZE;

  private SyntheticCorpus() {}

  static List<LabelledAttributes> generate(Signal signal, int n, long seed) {
    Random r = new Random(seed);
    List<LabelledAttributes> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean y = r.nextBoolean();
      out.add(example(signal, y, r));
    }
    return out;
  }

  static LabelledAttributes.Source source(List<LabelledAttributes> examples) {
    return examples::forEach;
  }

  private static LabelledAttributes example(Signal signal, boolean y, Random r) {
    List<String> title = words(r, "w", 300, 3 + r.nextInt(5));
    if (signal == Signal.TITLE) {
      title.set(r.nextInt(title.size()), (y ? "good" : "bad") + r.nextInt(5));
    }
    List<List<String>> sentences = new ArrayList<>();
    for (int s = 0; s < SENTENCES; s++) {
      sentences.add(words(r, "w", 300, 4 + r.nextInt(6)));
    }
    boolean horizontal = r.nextBoolean();
    if (signal == Signal.SENTENCE_ORDER) {
      int slot = y ? r.nextInt(2) : 2 + r.nextInt(2);
      List<String> sentence = sentences.get(slot);
      sentence.set(r.nextInt(sentence.size()), "kw");
    }
    boolean textSaysHorizontal = r.nextBoolean();
    if (signal == Signal.IMAGE_TEXT_AGREEMENT) {
      for (List<String> sentence : sentences) {
        sentence.set(r.nextInt(sentence.size()), textSaysHorizontal ? "horizontal" : "vertical");
      }
      horizontal = y == textSaysHorizontal;
    }
    if (signal == Signal.IMAGE) {
      horizontal = y;
    }
    List<ImageAttributes> images = new ArrayList<>();
    int imageCount = 1 + r.nextInt(2);
    for (int k = 0; k < imageCount; k++) {
      boolean orientation =
          signal == Signal.IMAGE || signal == Signal.IMAGE_TEXT_AGREEMENT ? horizontal : r.nextBoolean();
      // in the agreement corpus the image's given embedding also encodes its orientation
      images.add(stripes(r, orientation, signal == Signal.IMAGE_TEXT_AGREEMENT));
    }
    List<LayoutToken> layout = layout(r, signal == Signal.LAYOUT_ORDER ? y : r.nextBoolean());
    double a = r.nextGaussian();
    double b = r.nextGaussian();
    if (signal == Signal.ATOMIC_XOR) {
      a = Math.abs(a) * (r.nextBoolean() ? 1 : -1);
      b = Math.abs(b) * ((a > 0) != y ? 1 : -1);
    }
    Map<String, Double> atomic = new HashMap<>();
    atomic.put("a", a);
    atomic.put("b", b);
    atomic.put("c", r.nextGaussian());
    atomic.put("d", r.nextGaussian());
    atomic.put("followers", Math.floor(Math.exp(4 + 2 * r.nextGaussian())));
    Map<String, String> categorical = new HashMap<>();
    categorical.put("language", r.nextBoolean() ? "en" : "zh");
    categorical.put("source", "s" + r.nextInt(10));
    ResourceAttributes attributes =
        new ResourceAttributes(
            new TextFields(title, words(r, "t", 50, 1 + r.nextInt(3)), sentences),
            images,
            layout,
            atomic,
            categorical);
    Map<TaskName, Label> labels = new HashMap<>();
    labels.put(SIGNAL, Label.of(signal == Signal.NONE ? r.nextBoolean() : y));
    if (r.nextBoolean()) {
      labels.put(NOISE, Label.of(r.nextBoolean()));
    }
    return new LabelledAttributes(attributes, labels);
  }

  private static List<String> words(Random r, String prefix, int vocabulary, int count) {
    List<String> words = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      words.add(prefix + r.nextInt(vocabulary));
    }
    return words;
  }

  /** A random layout of 6-10 blocks with exactly one image and one heading. */
  private static List<LayoutToken> layout(Random r, boolean imageFirst) {
    ContentBlock.Kind[] filler = {
      ContentBlock.Kind.PARAGRAPH, ContentBlock.Kind.QUOTE, ContentBlock.Kind.LIST_ITEM, ContentBlock.Kind.VIDEO
    };
    int length = 6 + r.nextInt(5);
    List<LayoutToken> tokens = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      tokens.add(new LayoutToken(filler[r.nextInt(filler.length)], r.nextInt(LayoutToken.SIZE_BUCKETS)));
    }
    int first = r.nextInt(length - 1);
    int second = first + 1 + r.nextInt(length - first - 1);
    tokens.set(first, new LayoutToken(imageFirst ? ContentBlock.Kind.IMAGE : ContentBlock.Kind.HEADING, r.nextInt(4)));
    tokens.set(second, new LayoutToken(imageFirst ? ContentBlock.Kind.HEADING : ContentBlock.Kind.IMAGE, r.nextInt(4)));
    return tokens;
  }

  /**
   * A 32x32 thumbnail of two-colour stripes (period 4-8, random phase) plus noise, and a random
   * embedding whose first value encodes the orientation when asked.
   */
  static ImageAttributes stripes(Random r, boolean horizontal, boolean orientationInEmbedding) {
    float[][] colours = {{r.nextFloat(), r.nextFloat(), r.nextFloat()}, {r.nextFloat(), r.nextFloat(), r.nextFloat()}};
    int period = 4 + r.nextInt(5);
    int phase = r.nextInt(period);
    float[] pixels = new float[SIDE * SIDE * 3];
    for (int row = 0; row < SIDE; row++) {
      for (int col = 0; col < SIDE; col++) {
        int along = horizontal ? row : col;
        float[] colour = colours[((along + phase) / (period / 2)) % 2];
        for (int c = 0; c < 3; c++) {
          float v = colour[c] + 0.1f * (r.nextFloat() - 0.5f);
          pixels[(row * SIDE + col) * 3 + c] = Math.max(0f, Math.min(1f, v));
        }
      }
    }
    float[] embedding = new float[8];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = (float) r.nextGaussian();
    }
    if (orientationInEmbedding) {
      embedding[0] = (horizontal ? 2f : -2f) + 0.3f * (float) r.nextGaussian();
    }
    return new ImageAttributes(SIDE, SIDE, 1.0, 0.0, 0.0, pixels, embedding);
  }
}
