package io.mmq.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The text sub-network (R10): one data-processing channel per text field over a shared hashed
 * word embedding -- the title by attention pooling with a learned target vector, the tags and the
 * body's words (order-free) by masked mean pooling.
 */
final class TextChannels {
  private final Layers layers;
  private final Operand<TFloat32> words;
  private final int dim;

  TextChannels(Layers layers, Operand<TFloat32> wordEmbedding, int dim) {
    this.layers = layers;
    this.words = wordEmbedding;
    this.dim = dim;
  }

  ChannelOutput title(Operand<TInt32> ids, int length) {
    Operand<TFloat32> x = layers.tf.gather(words, ids, layers.tf.constant(0));
    return new ChannelOutput(
        "title", layers.attentionPool("title.attention", x, layers.mask(ids), length, dim), dim);
  }

  ChannelOutput tags(Operand<TInt32> ids) {
    Operand<TFloat32> x = layers.tf.gather(words, ids, layers.tf.constant(0));
    Operand<TFloat32> pooled = layers.maskedMean(x, layers.mask(ids));
    return new ChannelOutput("tags", layers.dense("tags.proj", pooled, dim, dim, true), dim);
  }

  /** All body words as one bag: body ids [B, S, W]. */
  ChannelOutput body(Operand<TInt32> ids, int sentences, int wordsPerSentence) {
    Operand<TInt32> flat = layers.tf.reshape(ids, layers.dims(-1, sentences * wordsPerSentence));
    Operand<TFloat32> x = layers.tf.gather(words, flat, layers.tf.constant(0));
    Operand<TFloat32> pooled = layers.maskedMean(x, layers.mask(flat));
    return new ChannelOutput("body", layers.dense("body.proj", pooled, dim, dim, true), dim);
  }
}
