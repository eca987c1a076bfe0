package io.mmq.tensorflow;

/**
 * Which feature sub-networks are on (R12: each channel can be switched off). {@code image} is the
 * image side of the image-text fusion channel: with it off, fusion keeps only its sentence encoder.
 * {@code wide} adds the wide (linear) part of Wide and Deep beside the deep channels: per task a
 * linear logit over the sparse hashed features (see {@link WidePart}); it is off in {@link #ALL}.
 */
record Channels(
    boolean title,
    boolean tags,
    boolean body,
    boolean fusion,
    boolean image,
    boolean style,
    boolean atomic,
    boolean categorical,
    boolean wide) {

  static final Channels ALL = new Channels(true, true, true, true, true, true, true, true, false);

  /** The images reach the model only through the fusion channel. */
  boolean images() {
    return fusion && image;
  }

  /** Whether a deep channel is on (the wide part alone is not a network). */
  boolean anyOn() {
    return title || tags || body || fusion || style || atomic || categorical;
  }
}
