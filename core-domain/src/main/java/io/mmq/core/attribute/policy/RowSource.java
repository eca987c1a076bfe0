package io.mmq.core.attribute.policy;

/**
 * Pixels read one row at a time as RGB values in [0, 255], so that a large decoded image is
 * resampled without copying it whole.
 */
interface RowSource {
  int width();

  int height();

  /** Fills the first {@link #width()} entries of each array with row {@code y}. */
  void readRow(int y, double[] red, double[] green, double[] blue);
}
