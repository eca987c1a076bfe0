package io.mmq.core.attribute.policy;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.resource.model.ImageContent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Extracts the attributes of one image (R2) from its encoded bytes with the JDK's ImageIO (JPEG
 * and PNG only).
 *
 * <ol>
 *   <li>The dimensions are read from the header first; an image above {@link Limits#maxPixels()}
 *       or with a side above {@link Limits#maxSide()} is rejected before any pixel is decoded
 *       (decompression bombs). Bytes that are not a decodable JPEG or PNG are rejected too. Both
 *       rejections are {@link IllegalArgumentException}s with a precise message.
 *   <li>Pixels are decoded with source subsampling (every s-th pixel and row, the smallest s that
 *       keeps the decoded image within {@link Limits#maxDecodedPixels()}), which bounds memory.
 *       Transparency is composited over white.
 *   <li>The decoded image is box-averaged down to at most {@link Limits#analysisSide()} pixels on
 *       its long side (aspect kept; smaller images are used as they are). Sharpness (variance of
 *       the Laplacian of the Rec. 601 grey image), colourfulness (Hasler and Süsstrunk) and the
 *       32x32 thumbnail are computed on this analysis image, so their cost is bounded and
 *       sharpness measures detail at that common scale, not at the original resolution.
 *   <li>Width, height and aspect ratio (width / height) are those of the original image.
 * </ol>
 *
 * <p>An image given only by its embedding has no pixels: width, height, aspect, sharpness and
 * colourfulness are 0 and the thumbnail is empty; the embedding is kept as given.
 */
public final class ImageAttributeExtractor {

  /** Limits on the images accepted and on the work done per image. */
  public record Limits(long maxPixels, int maxSide, long maxDecodedPixels, int analysisSide) {
    /** 40 megapixels, 20,000 px per side, decode at most 4 megapixels, analyse at 256 px. */
    public static final Limits DEFAULT = new Limits(40_000_000L, 20_000, 4_000_000L, 256);

    public Limits {
      if (maxPixels < 1 || maxSide < 1 || maxDecodedPixels < 1) {
        throw new IllegalArgumentException(
            "maxPixels, maxSide and maxDecodedPixels must be at least 1");
      }
      if (analysisSide < 3) {
        throw new IllegalArgumentException("analysisSide must be at least 3, was " + analysisSide);
      }
    }
  }

  static final String NOT_DECODABLE = "image bytes are not a decodable JPEG or PNG";
  private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png");
  private static final ImageAttributeExtractor STANDARD =
      new ImageAttributeExtractor(Limits.DEFAULT);

  private final Limits limits;

  public ImageAttributeExtractor(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits is null");
  }

  /** The extractor with {@link Limits#DEFAULT}. */
  public static ImageAttributeExtractor standard() {
    return STANDARD;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * The attributes of {@code image}.
   *
   * @throws IllegalArgumentException if the bytes are not a decodable JPEG or PNG, or the image
   *     exceeds the limits
   */
  public ImageAttributes extract(ImageContent image) {
    Objects.requireNonNull(image, "image is null");
    if (!image.hasData()) {
      return new ImageAttributes(0, 0, 0, 0, 0, new float[0], image.embedding());
    }
    Decoded decoded = decode(image.data());
    RowSource rows = new DecodedImageRows(decoded.pixels());
    int longSide = Math.max(rows.width(), rows.height());
    int width = rows.width();
    int height = rows.height();
    if (longSide > limits.analysisSide()) {
      width = Math.max(1, (int) Math.round((double) rows.width() * limits.analysisSide() / longSide));
      height =
          Math.max(1, (int) Math.round((double) rows.height() * limits.analysisSide() / longSide));
    }
    RgbPlanes analysis = PixelMath.resample(rows, width, height);
    double sharpness = PixelMath.laplacianVariance(PixelMath.grey(analysis), width, height);
    double colourfulness = PixelMath.colourfulness(analysis);
    return new ImageAttributes(
        decoded.width(),
        decoded.height(),
        (double) decoded.width() / decoded.height(),
        sharpness,
        colourfulness,
        PixelMath.thumbnail(analysis),
        image.embedding());
  }

  /** The original dimensions and the (possibly subsampled) decoded pixels. */
  private record Decoded(int width, int height, BufferedImage pixels) {}

  private Decoded decode(byte[] data) {
    return read(
        data,
        reader -> {
          Dimensions dimensions = header(reader);
          checkDimensions(dimensions.width(), dimensions.height());
          ImageReadParam param = reader.getDefaultReadParam();
          int step = subsampling(dimensions.width(), dimensions.height());
          if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
          }
          BufferedImage pixels;
          try {
            pixels = reader.read(0, param);
          } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(NOT_DECODABLE, e);
          }
          if (pixels == null || pixels.getWidth() < 1 || pixels.getHeight() < 1) {
            throw new IllegalArgumentException(NOT_DECODABLE);
          }
          return new Decoded(dimensions.width(), dimensions.height(), pixels);
        });
  }

  /** The width and height in pixels that an encoded image declares. */
  public record Dimensions(int width, int height) {
    public long pixels() {
      return (long) width * height;
    }
  }

  /**
   * The dimensions that encoded JPEG or PNG bytes declare in their header, read without decoding a
   * pixel (so that a decompression bomb can be refused before it is stored).
   *
   * @throws IllegalArgumentException if the bytes are not a JPEG or PNG with a readable header
   */
  public static Dimensions dimensions(byte[] data) {
    Objects.requireNonNull(data, "data is null");
    return read(data, ImageAttributeExtractor::header);
  }

  private static <T> T read(byte[] data, Function<ImageReader, T> action) {
    try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      ImageReader reader = jpegOrPngReader(input);
      try {
        try {
          reader.setInput(input, true, true);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(NOT_DECODABLE, e);
        }
        return action.apply(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(NOT_DECODABLE, e);
    }
  }

  private static Dimensions header(ImageReader reader) {
    int width;
    int height;
    try {
      width = reader.getWidth(0);
      height = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(NOT_DECODABLE, e);
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(NOT_DECODABLE);
    }
    return new Dimensions(width, height);
  }

  private static ImageReader jpegOrPngReader(ImageInputStream input) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      try {
        if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
          return reader;
        }
      } catch (IOException e) {
        // a reader that cannot name its format is not one we accept
      }
      reader.dispose();
    }
    throw new IllegalArgumentException(NOT_DECODABLE);
  }

  private void checkDimensions(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(NOT_DECODABLE);
    }
    if (width > limits.maxSide() || height > limits.maxSide()) {
      throw new IllegalArgumentException(
          "image is " + width + "x" + height + " pixels; at most " + limits.maxSide()
              + " pixels per side allowed");
    }
    long pixels = (long) width * height;
    if (pixels > limits.maxPixels()) {
      throw new IllegalArgumentException(
          "image is " + width + "x" + height + " = " + pixels + " pixels; at most "
              + limits.maxPixels() + " pixels allowed");
    }
  }

  /** The smallest step s such that decoding every s-th pixel and row stays within the budget. */
  int subsampling(int width, int height) {
    int step = 1;
    while (ceilDiv(width, step) * ceilDiv(height, step) > limits.maxDecodedPixels()) {
      step++;
    }
    return step;
  }

  private static long ceilDiv(int value, int step) {
    return (value + (long) step - 1) / step;
  }
}
