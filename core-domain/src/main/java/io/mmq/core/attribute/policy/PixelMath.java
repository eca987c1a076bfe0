package io.mmq.core.attribute.policy;

import io.mmq.core.attribute.model.ImageAttributes;

/**
 * The image measures of R2 on {@link RgbPlanes}: box resampling, the grey image, sharpness as the
 * variance of the Laplacian and colourfulness after Hasler and Süsstrunk (2003).
 */
final class PixelMath {
  private PixelMath() {}

  /**
   * Resamples to {@code width x height} by box averaging: target pixel x covers source columns
   * [floor(x·sw/tw), max(that + 1, floor((x+1)·sw/tw))), likewise for rows. Shrinking averages
   * each box (the boxes partition the source); enlarging repeats pixels (nearest neighbour).
   */
  static RgbPlanes resample(RowSource source, int width, int height) {
    int sw = source.width();
    int sh = source.height();
    int[] x0 = new int[width];
    int[] x1 = new int[width];
    for (int x = 0; x < width; x++) {
      x0[x] = (int) ((long) x * sw / width);
      x1[x] = Math.max(x0[x] + 1, (int) ((long) (x + 1) * sw / width));
    }
    double[] red = new double[width * height];
    double[] green = new double[width * height];
    double[] blue = new double[width * height];
    double[] rowRed = new double[sw];
    double[] rowGreen = new double[sw];
    double[] rowBlue = new double[sw];
    for (int y = 0; y < height; y++) {
      int y0 = (int) ((long) y * sh / height);
      int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * sh / height));
      int offset = y * width;
      for (int sy = y0; sy < y1; sy++) {
        source.readRow(sy, rowRed, rowGreen, rowBlue);
        for (int x = 0; x < width; x++) {
          for (int sx = x0[x]; sx < x1[x]; sx++) {
            red[offset + x] += rowRed[sx];
            green[offset + x] += rowGreen[sx];
            blue[offset + x] += rowBlue[sx];
          }
        }
      }
      for (int x = 0; x < width; x++) {
        double count = (double) (y1 - y0) * (x1[x] - x0[x]);
        red[offset + x] /= count;
        green[offset + x] /= count;
        blue[offset + x] /= count;
      }
    }
    return new RgbPlanes(width, height, red, green, blue);
  }

  /** Grey (Rec. 601 luma) = (299·R + 587·G + 114·B) / 1000, per pixel, in [0, 255]. */
  static double[] grey(RgbPlanes planes) {
    double[] grey = new double[planes.width() * planes.height()];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (299 * planes.red()[i] + 587 * planes.green()[i] + 114 * planes.blue()[i]) / 1000;
    }
    return grey;
  }

  /**
   * Population variance of the 3x3 Laplacian (0,1,0 / 1,-4,1 / 0,1,0) over the interior pixels
   * (no padding); 0 when the image is narrower or lower than 3 pixels.
   */
  static double laplacianVariance(double[] grey, int width, int height) {
    if (width < 3 || height < 3) {
      return 0;
    }
    int count = (width - 2) * (height - 2);
    double[] values = new double[count];
    int k = 0;
    double sum = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        int i = y * width + x;
        double c = grey[i];
        // as differences, so that a flat image gives exactly 0
        double value =
            (grey[i - width] - c) + (grey[i + width] - c) + (grey[i - 1] - c) + (grey[i + 1] - c);
        values[k++] = value;
        sum += value;
      }
    }
    double mean = sum / count;
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return squares / count;
  }

  /**
   * Hasler and Süsstrunk colourfulness: with rg = R - G and yb = (R + G)/2 - B per pixel,
   * sqrt(σ_rg² + σ_yb²) + 0.3·sqrt(μ_rg² + μ_yb²), population statistics, RGB in [0, 255].
   */
  static double colourfulness(RgbPlanes planes) {
    int n = planes.width() * planes.height();
    double[] rg = new double[n];
    double[] yb = new double[n];
    for (int i = 0; i < n; i++) {
      rg[i] = planes.red()[i] - planes.green()[i];
      yb[i] = 0.5 * (planes.red()[i] + planes.green()[i]) - planes.blue()[i];
    }
    double meanRg = mean(rg);
    double meanYb = mean(yb);
    return Math.sqrt(variance(rg, meanRg) + variance(yb, meanYb))
        + 0.3 * Math.sqrt(meanRg * meanRg + meanYb * meanYb);
  }

  /** A {@link ImageAttributes#THUMBNAIL_SIZE}² RGB thumbnail in [0, 1], row-major, channel last. */
  static float[] thumbnail(RowSource source) {
    int size = ImageAttributes.THUMBNAIL_SIZE;
    RgbPlanes small = resample(source, size, size);
    float[] thumbnail = new float[size * size * 3];
    for (int i = 0; i < size * size; i++) {
      thumbnail[3 * i] = (float) (small.red()[i] / 255.0);
      thumbnail[3 * i + 1] = (float) (small.green()[i] / 255.0);
      thumbnail[3 * i + 2] = (float) (small.blue()[i] / 255.0);
    }
    return thumbnail;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  private static double variance(double[] values, double mean) {
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return squares / values.length;
  }
}
