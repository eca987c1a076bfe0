package io.mmq.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The image-text fusion sub-network (R10, fig. 6): word encoding, word attention with a learned
 * target vector -> sentence vectors, plus learned sentence-position embeddings, -> a transformer
 * block over the sentences; images from {@link ImageEncoder}; co-attention of the text over the
 * images and of the images over the text (a learned null sentence and null image keep both sides
 * non-empty). Output: the attention-pooled sentence summary and a dense layer over the sentence
 * slots in reading order, then, with images on, the two fused vectors (each side's attended view
 * of the other, averaged over its real elements) and their low-rank bilinear pooling (U a) * (V b),
 * which makes agreement of image and text a linear feature: [B, 2D] or [B, 5D].
 */
final class FusionChannel {
  private final Layers layers;
  private final Operand<TFloat32> words;
  private final int sentences;
  private final int wordsPerSentence;
  private final int dim;

  FusionChannel(Layers layers, Operand<TFloat32> wordEmbedding, int sentences, int words, int dim) {
    this.layers = layers;
    this.words = wordEmbedding;
    this.sentences = sentences;
    this.wordsPerSentence = words;
    this.dim = dim;
  }

  ChannelOutput build(Operand<TInt32> body, ImageEncoder.Encoded images) {
    Ops tf = layers.tf;
    Operand<TFloat32> wordMask = layers.mask(body); // [B, S, W]
    Operand<TFloat32> x = tf.gather(words, body, tf.constant(0)); // [B, S, W, D]
    Operand<TFloat32> sentenceVectors =
        tf.reshape(
            layers.attentionPool(
                "fusion.word_attention",
                tf.reshape(x, layers.dims(-1, wordsPerSentence, dim)),
                tf.reshape(wordMask, layers.dims(-1, wordsPerSentence)),
                wordsPerSentence,
                dim),
            layers.dims(-1, sentences, dim));
    Operand<TFloat32> sentenceMask = tf.reduceMax(wordMask, layers.dims(2)); // [B, S]
    Operand<TFloat32> positioned =
        tf.math.add(sentenceVectors, layers.params.uniform("fusion.position", 0.5, sentences, dim));
    Operand<TFloat32> encoded = transformer(positioned, sentenceMask);
    List<Operand<TFloat32>> parts = new ArrayList<>();
    parts.add(layers.attentionPool("fusion.sentence_attention", encoded, sentenceMask, sentences, dim));
    // a dense layer over the sentence slots in reading order: where in the body something is said
    parts.add(
        layers.dense(
            "fusion.sentence_order", tf.reshape(encoded, layers.dims(-1, sentences * dim)), sentences * dim, dim, true));
    if (images != null) {
      parts.addAll(coAttention(encoded, sentenceMask, images));
    }
    return new ChannelOutput("fusion", layers.concat(parts, 1), parts.size() * dim);
  }

  /** One post-norm transformer encoder block (single head) over the sentences. */
  private Operand<TFloat32> transformer(Operand<TFloat32> x, Operand<TFloat32> mask) {
    Ops tf = layers.tf;
    Operand<TFloat32> q = layers.denseEach("fusion.attn_q", x, sentences, dim, dim, false);
    Operand<TFloat32> k = layers.denseEach("fusion.attn_k", x, sentences, dim, dim, false);
    Operand<TFloat32> v = layers.denseEach("fusion.attn_v", x, sentences, dim, dim, false);
    Operand<TFloat32> scores =
        tf.math.mul(layers.bmm(q, k, true), layers.scalar((float) (1 / Math.sqrt(dim))));
    Operand<TFloat32> attention = layers.maskedSoftmax(scores, tf.expandDims(mask, tf.constant(1)));
    Operand<TFloat32> context =
        layers.denseEach("fusion.attn_out", layers.bmm(attention, v, false), sentences, dim, dim, false);
    Operand<TFloat32> h = layers.layerNorm("fusion.norm1", tf.math.add(x, context), dim);
    Operand<TFloat32> ff =
        layers.denseEach(
            "fusion.ffn_out",
            layers.denseEach("fusion.ffn_in", h, sentences, dim, 2 * dim, true),
            sentences,
            2 * dim,
            dim,
            false);
    Operand<TFloat32> out = layers.layerNorm("fusion.norm2", tf.math.add(h, ff), dim);
    return tf.math.mul(out, tf.expandDims(mask, tf.constant(2)));
  }

  /** [images attended by the text, text attended by the images, their product], each [B, D]. */
  private List<Operand<TFloat32>> coAttention(
      Operand<TFloat32> text, Operand<TFloat32> textMask, ImageEncoder.Encoded images) {
    Ops tf = layers.tf;
    // [B, 1] of ones, derived from an input so that it carries the batch size
    Operand<TFloat32> ones =
        tf.math.add(
            tf.math.mul(tf.reduceMax(textMask, layers.dims(1), ReduceMax.keepDims(true)), layers.scalar(0f)),
            layers.scalar(1f));
    Operand<TFloat32> ones3 = tf.expandDims(ones, tf.constant(2));
    Operand<TFloat32> nullSentence = tf.math.mul(ones3, layers.params.uniform("fusion.null_sentence", 1.0, dim));
    Operand<TFloat32> nullImage = tf.math.mul(ones3, layers.params.uniform("fusion.null_image", 1.0, dim));
    Operand<TFloat32> s = tf.concat(List.of(nullSentence, text), tf.constant(1)); // [B, S+1, D]
    Operand<TFloat32> sMask = tf.concat(List.of(ones, textMask), tf.constant(1));
    Operand<TFloat32> i = tf.concat(List.of(nullImage, images.vectors()), tf.constant(1)); // [B, I+1, D]
    Operand<TFloat32> iMask = tf.concat(List.of(ones, images.mask()), tf.constant(1));
    Operand<TFloat32> affinity =
        layers.bmm(layers.denseEach("fusion.co_affinity", s, sentences + 1, dim, dim, false), i, true);
    Operand<TFloat32> textOverImages =
        layers.bmm(layers.maskedSoftmax(affinity, tf.expandDims(iMask, tf.constant(1))), i, false);
    Operand<TFloat32> imagesOverText =
        layers.bmm(
            layers.maskedSoftmax(
                tf.linalg.transpose(affinity, layers.dims(0, 2, 1)), tf.expandDims(sMask, tf.constant(1))),
            s,
            false);
    Operand<TFloat32> imagesForText = layers.maskedMean(textOverImages, sMask);
    Operand<TFloat32> textForImages = layers.maskedMean(imagesOverText, iMask);
    // low-rank bilinear pooling of the two views: agreement becomes a linear feature
    Operand<TFloat32> agreement =
        tf.math.mul(
            layers.dense("fusion.bilinear_images", imagesForText, dim, dim, false),
            layers.dense("fusion.bilinear_text", textForImages, dim, dim, false));
    return List.of(imagesForText, textForImages, agreement);
  }
}
