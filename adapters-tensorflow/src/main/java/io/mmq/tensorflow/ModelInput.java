package io.mmq.tensorflow;

/**
 * The tensors fed to the network, one placeholder each, with the batch as first dimension. Token
 * inputs hold hashed ids (0 = padding, which also serves as their mask), WIDE the wide part's
 * hashed sparse features; images come as pixels and/or given embeddings with a mask each; labels
 * and their mask are fed only in training.
 */
enum ModelInput {
  TITLE(true),
  TAGS(true),
  BODY(true),
  LAYOUT(true),
  PIXELS(false),
  PIXEL_MASK(false),
  IMAGE_EMBEDDING(false),
  EMBEDDING_MASK(false),
  ATOMIC(false),
  CATEGORICAL(true),
  WIDE(true),
  LABELS(false),
  LABEL_MASK(false);

  private final boolean integer;

  ModelInput(boolean integer) {
    this.integer = integer;
  }

  /** Whether the input holds int32 ids (otherwise float32 values). */
  boolean integer() {
    return integer;
  }

  /** The placeholder's name in the graph. */
  String placeholderName() {
    return "input." + name().toLowerCase(java.util.Locale.ROOT);
  }

  boolean trainingOnly() {
    return this == LABELS || this == LABEL_MASK;
  }
}
