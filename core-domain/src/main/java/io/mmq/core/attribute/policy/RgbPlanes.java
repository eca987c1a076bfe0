package io.mmq.core.attribute.policy;

import java.util.Objects;

/**
 * An RGB image as three planes of doubles in [0, 255], row-major; the working form of the image
 * analysis. Package-private: the arrays are shared, not copied.
 */
final class RgbPlanes implements RowSource {
  private final int width;
  private final int height;
  private final double[] red;
  private final double[] green;
  private final double[] blue;

  RgbPlanes(int width, int height, double[] red, double[] green, double[] blue) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("planes must be at least 1x1, were " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.red = Objects.requireNonNull(red, "red is null");
    this.green = Objects.requireNonNull(green, "green is null");
    this.blue = Objects.requireNonNull(blue, "blue is null");
    int size = width * height;
    if (red.length != size || green.length != size || blue.length != size) {
      throw new IllegalArgumentException("planes must hold " + size + " values each");
    }
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  double[] red() {
    return red;
  }

  double[] green() {
    return green;
  }

  double[] blue() {
    return blue;
  }

  @Override
  public void readRow(int y, double[] r, double[] g, double[] b) {
    System.arraycopy(red, y * width, r, 0, width);
    System.arraycopy(green, y * width, g, 0, width);
    System.arraycopy(blue, y * width, b, 0, width);
  }
}
