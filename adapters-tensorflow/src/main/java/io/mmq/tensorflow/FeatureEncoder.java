package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.LayoutToken;
import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.label.model.Label;
import io.mmq.core.task.model.TaskName;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns attributes into fixed-shape rows of a {@link FeatureBatch}: hashed token ids truncated and
 * zero-padded to the limits, the first non-empty sentences of the body, layout ids shifted by one
 * (0 = padding), the first images as 32x32x3 pixels and/or their embedding (zero-padded or cut to
 * the fitted length) with masks, normalised atomic values (0 when missing) and hashed categorical
 * values (0 when missing), and the wide part's sparse features hashed into {@code wideBuckets} (0 =
 * padding). Stateless and thread-safe.
 */
final class FeatureEncoder {
  private final InputShapes shapes;
  private final Set<ModelInput> inputs;
  private final List<TaskName> tasks;
  private final TokenHasher hasher = TokenHasher.STANDARD;

  FeatureEncoder(InputShapes shapes, List<TaskName> tasks) {
    if (tasks.size() != shapes.tasks()) {
      throw new IllegalArgumentException(
          "the encoder has " + tasks.size() + " tasks but the shapes " + shapes.tasks());
    }
    this.shapes = shapes;
    this.inputs = shapes.active();
    this.tasks = List.copyOf(tasks);
  }

  InputShapes shapes() {
    return shapes;
  }

  /** A batch of the model's inputs, for inference. */
  FeatureBatch encode(List<ResourceAttributes> rows) {
    FeatureBatch batch = new FeatureBatch(shapes, rows.size(), inputs);
    for (int i = 0; i < rows.size(); i++) {
      encode(rows.get(i), batch, i);
    }
    return batch;
  }

  /** A batch of the model's inputs with labels and label masks, for training and evaluation. */
  FeatureBatch encodeLabelled(List<LabelledAttributes> rows) {
    Set<ModelInput> withLabels = EnumSet.copyOf(inputs);
    withLabels.add(ModelInput.LABELS);
    withLabels.add(ModelInput.LABEL_MASK);
    FeatureBatch batch = new FeatureBatch(shapes, rows.size(), withLabels);
    float[] labels = batch.floats(ModelInput.LABELS);
    float[] mask = batch.floats(ModelInput.LABEL_MASK);
    for (int i = 0; i < rows.size(); i++) {
      LabelledAttributes row = rows.get(i);
      encode(row.attributes(), batch, i);
      for (int t = 0; t < tasks.size(); t++) {
        Label label = row.labels().get(tasks.get(t));
        if (label != null) {
          labels[i * tasks.size() + t] = label.isPositive() ? 1f : 0f;
          mask[i * tasks.size() + t] = 1f;
        }
      }
    }
    return batch;
  }

  void encode(ResourceAttributes a, FeatureBatch batch, int row) {
    ModelConfig.Limits limits = shapes.config().limits();
    if (batch.has(ModelInput.TITLE)) {
      tokens(a.text().title(), batch.ints(ModelInput.TITLE), row * limits.maxTitleWords(), limits.maxTitleWords());
    }
    if (batch.has(ModelInput.TAGS)) {
      tokens(a.text().tags(), batch.ints(ModelInput.TAGS), row * limits.maxTagWords(), limits.maxTagWords());
    }
    if (batch.has(ModelInput.BODY)) {
      body(a.text().sentences(), batch.ints(ModelInput.BODY), row, limits);
    }
    if (batch.has(ModelInput.LAYOUT)) {
      int[] ids = batch.ints(ModelInput.LAYOUT);
      List<LayoutToken> layout = a.layout();
      int n = Math.min(layout.size(), limits.maxLayout());
      for (int i = 0; i < n; i++) {
        ids[row * limits.maxLayout() + i] = layout.get(i).id() + 1;
      }
    }
    if (batch.has(ModelInput.PIXELS)) {
      images(a.images(), batch, row, limits.maxImages());
    }
    if (batch.has(ModelInput.ATOMIC)) {
      float[] values = batch.floats(ModelInput.ATOMIC);
      List<AtomicNormaliser> normalisers = shapes.spec().atomic();
      Map<String, Double> atomic = a.atomic();
      for (int i = 0; i < normalisers.size(); i++) {
        AtomicNormaliser n = normalisers.get(i);
        Double v = atomic.get(n.name());
        values[row * normalisers.size() + i] = v == null ? 0f : n.apply(v);
      }
    }
    if (batch.has(ModelInput.CATEGORICAL)) {
      int[] ids = batch.ints(ModelInput.CATEGORICAL);
      List<String> names = shapes.spec().categorical();
      int buckets = limits.categoricalBuckets();
      for (int i = 0; i < names.size(); i++) {
        String v = a.categorical().get(names.get(i));
        ids[row * names.size() + i] = v == null ? 0 : hasher.categoryBucket(names.get(i), v, buckets);
      }
    }
    if (batch.has(ModelInput.WIDE)) {
      wide(a, batch.ints(ModelInput.WIDE), row * shapes.wideSlots(), limits);
    }
  }

  /**
   * The wide features, prefixed by their field: title tokens ({@code t:}), pairs of adjacent title
   * tokens ({@code t2:}), tags ({@code g:}), body words ({@code b:}) and {@code c:key=value} per
   * categorical attribute of the spec; each field within its limit, the slots after them padding.
   */
  private void wide(ResourceAttributes a, int[] ids, int offset, ModelConfig.Limits limits) {
    int buckets = limits.wideBuckets();
    int slot = offset;
    List<String> title = a.text().title();
    int n = Math.min(title.size(), limits.maxTitleWords());
    for (int i = 0; i < n; i++) {
      ids[slot++] = hasher.bucket("t:" + title.get(i), buckets);
      if (i > 0) {
        ids[slot++] = hasher.bucket("t2:" + title.get(i - 1) + ' ' + title.get(i), buckets);
      }
    }
    List<String> tags = a.text().tags();
    for (int i = 0; i < Math.min(tags.size(), limits.maxTagWords()); i++) {
      ids[slot++] = hasher.bucket("g:" + tags.get(i), buckets);
    }
    int bodyWords = 0;
    for (String word : a.text().bodyTokens()) {
      if (bodyWords++ == limits.maxSentences() * limits.maxWords()) {
        break;
      }
      ids[slot++] = hasher.bucket("b:" + word, buckets);
    }
    for (String key : shapes.spec().categorical()) {
      String v = a.categorical().get(key);
      if (v != null) {
        ids[slot++] = hasher.bucket("c:" + key + '=' + v, buckets);
      }
    }
  }

  private void tokens(List<String> tokens, int[] ids, int offset, int max) {
    int buckets = shapes.config().limits().hashBuckets();
    int n = Math.min(tokens.size(), max);
    for (int i = 0; i < n; i++) {
      ids[offset + i] = hasher.bucket(tokens.get(i), buckets);
    }
  }

  private void body(List<List<String>> sentences, int[] ids, int row, ModelConfig.Limits limits) {
    int words = limits.maxWords();
    int slot = 0;
    for (List<String> sentence : sentences) {
      if (slot == limits.maxSentences()) {
        break;
      }
      if (!sentence.isEmpty()) {
        tokens(sentence, ids, (row * limits.maxSentences() + slot) * words, words);
        slot++;
      }
    }
  }

  private void images(List<ImageAttributes> images, FeatureBatch batch, int row, int maxImages) {
    float[] pixels = batch.floats(ModelInput.PIXELS);
    float[] pixelMask = batch.floats(ModelInput.PIXEL_MASK);
    float[] embeddings = batch.floats(ModelInput.IMAGE_EMBEDDING);
    float[] embeddingMask = batch.floats(ModelInput.EMBEDDING_MASK);
    int dim = shapes.spec().imageEmbeddingDim();
    int n = Math.min(images.size(), maxImages);
    for (int i = 0; i < n; i++) {
      ImageAttributes image = images.get(i);
      int slot = row * maxImages + i;
      if (image.hasPixels()) {
        System.arraycopy(image.thumbnail(), 0, pixels, slot * InputShapes.PIXEL_VALUES, InputShapes.PIXEL_VALUES);
        pixelMask[slot] = 1f;
      }
      float[] embedding = image.embedding();
      if (embeddings != null && embedding.length > 0) {
        System.arraycopy(embedding, 0, embeddings, slot * dim, Math.min(dim, embedding.length));
        embeddingMask[slot] = 1f;
      }
    }
  }
}
