package io.mmq.core.attribute.policy;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * The rows of a decoded {@link BufferedImage} as sRGB values in [0, 255], with transparency
 * composited over white. Grey images (grey or grey + alpha rasters) are read from the raster's
 * samples as they are, because {@link BufferedImage#getRGB} would pass them through a linear-grey
 * to sRGB conversion that brightens them.
 */
final class DecodedImageRows implements RowSource {
  private final BufferedImage image;
  private final boolean grey;
  private final double greyMax;
  private final int[] argb;

  DecodedImageRows(BufferedImage image) {
    this.image = image;
    Raster raster = image.getRaster();
    this.grey =
        !(image.getColorModel() instanceof IndexColorModel)
            && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && raster.getNumBands() <= 2;
    this.greyMax = grey ? (1L << raster.getSampleModel().getSampleSize(0)) - 1 : 0;
    this.argb = new int[image.getWidth()];
  }

  @Override
  public int width() {
    return image.getWidth();
  }

  @Override
  public int height() {
    return image.getHeight();
  }

  @Override
  public void readRow(int y, double[] red, double[] green, double[] blue) {
    int width = image.getWidth();
    if (grey) {
      Raster raster = image.getRaster();
      boolean alpha = raster.getNumBands() == 2;
      for (int x = 0; x < width; x++) {
        double value = raster.getSample(x, y, 0) * 255.0 / greyMax;
        if (alpha) {
          value = overWhite(value, raster.getSample(x, y, 1) / greyMax);
        }
        red[x] = value;
        green[x] = value;
        blue[x] = value;
      }
      return;
    }
    image.getRGB(0, y, width, 1, argb, 0, width);
    for (int x = 0; x < width; x++) {
      int pixel = argb[x];
      int a = pixel >>> 24;
      double r = (pixel >> 16) & 0xFF;
      double g = (pixel >> 8) & 0xFF;
      double b = pixel & 0xFF;
      if (a != 0xFF) {
        double opacity = a / 255.0;
        r = overWhite(r, opacity);
        g = overWhite(g, opacity);
        b = overWhite(b, opacity);
      }
      red[x] = r;
      green[x] = g;
      blue[x] = b;
    }
  }

  private static double overWhite(double value, double opacity) {
    return opacity >= 1 ? value : value * opacity + 255.0 * (1 - opacity);
  }
}
