package io.mmq.app.generate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws real small pictures with {@code java.awt} and encodes them as PNG or JPEG.
 *
 * <ul>
 *   <li>A high-looking picture: saturated colours in a sharp pattern (stripes, diagonal bands, a
 *       checkerboard, rings, or scattered shapes), drawn without antialiasing so edges are crisp.
 *   <li>A low-looking picture: a greyish, low-contrast scene drawn at one sixth of the size and
 *       scaled up with bilinear interpolation, so it is blurry.
 * </ul>
 */
final class ImagePainter {
  /** The file format of a generated picture. */
  enum Format {
    PNG,
    JPEG
  }

  private enum Pattern {
    STRIPES,
    DIAGONAL,
    CHECKER,
    RINGS,
    SHAPES
  }

  private static final int BLUR_FACTOR = 6;
  private static final float JPEG_QUALITY = 0.85f;

  private final int width;
  private final int height;

  ImagePainter(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** A picture of the given look, encoded in the given format. */
  byte[] paint(boolean looksHigh, Format format, Draws draws) {
    BufferedImage image = looksHigh ? sharp(draws) : blurry(draws);
    return encode(image, format);
  }

  private BufferedImage sharp(Draws draws) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      float hue = (float) draws.uniform(0, 1);
      Color first = vivid(hue, draws);
      Color second = vivid(hue + (float) draws.uniform(0.3, 0.7), draws);
      Color third = vivid(hue + (float) draws.uniform(0.1, 0.3), draws);
      g.setColor(first);
      g.fillRect(0, 0, width, height);
      g.setColor(second);
      Pattern pattern = Pattern.values()[draws.between(0, Pattern.values().length - 1)];
      int step = draws.between(3, 8);
      switch (pattern) {
        case STRIPES -> {
          boolean vertical = draws.chance(0.5);
          for (int at = 0; at < Math.max(width, height); at += 2 * step) {
            g.setColor(at / (2 * step) % 3 == 2 ? third : second);
            if (vertical) {
              g.fillRect(at, 0, step, height);
            } else {
              g.fillRect(0, at, width, step);
            }
          }
        }
        case DIAGONAL -> {
          g.setStroke(new BasicStroke(step));
          for (int at = -height; at < width + height; at += 2 * step + 2) {
            g.drawLine(at, 0, at + height, height);
          }
        }
        case CHECKER -> {
          for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
              if ((x / step + y / step) % 2 == 0) {
                g.setColor((x / step) % 3 == 0 ? third : second);
                g.fillRect(x, y, step, step);
              }
            }
          }
        }
        case RINGS -> {
          int cx = draws.between(width / 4, 3 * width / 4);
          int cy = draws.between(height / 4, 3 * height / 4);
          int max = Math.max(width, height);
          for (int r = max; r > 0; r -= step) {
            g.setColor(((max - r) / step) % 2 == 0 ? second : third);
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
          }
        }
        case SHAPES -> {
          int shapes = draws.between(4, 9);
          for (int i = 0; i < shapes; i++) {
            g.setColor(vivid((float) draws.uniform(0, 1), draws));
            int x = draws.between(0, width - 4);
            int y = draws.between(0, height - 4);
            int w = draws.between(4, Math.max(4, width / 2));
            int h = draws.between(4, Math.max(4, height / 2));
            switch (draws.between(0, 2)) {
              case 0 -> g.fillRect(x, y, w, h);
              case 1 -> g.fillOval(x, y, w, h);
              default ->
                  g.fillPolygon(new Polygon(new int[] {x, x + w, x}, new int[] {y, y, y + h}, 3));
            }
          }
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private BufferedImage blurry(Draws draws) {
    int smallWidth = Math.max(2, width / BLUR_FACTOR);
    int smallHeight = Math.max(2, height / BLUR_FACTOR);
    BufferedImage small = new BufferedImage(smallWidth, smallHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    float hue = (float) draws.uniform(0, 1);
    float base = (float) draws.uniform(0.4, 0.65);
    try {
      g.setColor(dull(hue, base, draws));
      g.fillRect(0, 0, smallWidth, smallHeight);
      int blobs = draws.between(2, 4);
      for (int i = 0; i < blobs; i++) {
        g.setColor(dull(hue, base + (float) draws.uniform(-0.08, 0.08), draws));
        int x = draws.between(0, smallWidth - 1);
        int y = draws.between(0, smallHeight - 1);
        g.fillOval(x - 1, y - 1, draws.between(2, smallWidth), draws.between(2, smallHeight));
      }
    } finally {
      g.dispose();
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D up = image.createGraphics();
    try {
      up.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      up.drawImage(small, 0, 0, width, height, null);
    } finally {
      up.dispose();
    }
    return image;
  }

  private static Color vivid(float hue, Draws draws) {
    float saturation = (float) draws.uniform(0.7, 1.0);
    float brightness = (float) draws.uniform(0.75, 1.0);
    return new Color(Color.HSBtoRGB(hue - (float) Math.floor(hue), saturation, brightness));
  }

  private static Color dull(float hue, float brightness, Draws draws) {
    float saturation = (float) draws.uniform(0.0, 0.12);
    float clamped = Math.max(0f, Math.min(1f, brightness));
    return new Color(Color.HSBtoRGB(hue, saturation, clamped));
  }

  static byte[] encode(BufferedImage image, Format format) {
    String name =
        switch (format) {
          case PNG -> "png";
          case JPEG -> "jpeg";
        };
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(name);
    if (!writers.hasNext()) {
      throw new IllegalStateException("no ImageIO writer for " + format);
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == Format.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        if (param instanceof JPEGImageWriteParam jpeg) {
          jpeg.setOptimizeHuffmanTables(true); // small images: the default tables cost 420 bytes
        }
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a generated " + format + " image failed", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
