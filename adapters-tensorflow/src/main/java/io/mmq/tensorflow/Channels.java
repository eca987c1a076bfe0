package io.mmq.tensorflow;

/**
 * Which feature sub-networks are on (R12: each channel can be switched off). {@code image} is the
 * image side of the image-text fusion channel: with it off, fusion keeps only its sentence encoder.
 */
record Channels(
    boolean title,
    boolean tags,
    boolean body,
    boolean fusion,
    boolean image,
    boolean style,
    boolean atomic,
    boolean categorical) {

  static final Channels ALL = new Channels(true, true, true, true, true, true, true, true);

  /** The images reach the model only through the fusion channel. */
  boolean images() {
    return fusion && image;
  }

  boolean anyOn() {
    return title || tags || body || fusion || style || atomic || categorical;
  }
}
