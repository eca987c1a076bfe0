package io.mmq.core.attribute.policy;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Resources and images drawn in memory for the attribute tests. */
final class AttributeFixtures {
  private AttributeFixtures() {}

  static Resource resource(String title, List<String> tags, ContentBlock... blocks) {
    return new Resource(
        ResourceId.of("r-1"),
        title,
        tags,
        List.of(blocks),
        Publisher.UNKNOWN,
        Optional.empty(),
        "",
        "",
        Map.of(),
        Map.of());
  }

  static Resource resource(String title, ContentBlock... blocks) {
    return resource(title, List.of(), blocks);
  }

  static ContentBlock.Image embeddingImage(String caption) {
    return new ContentBlock.Image(new ImageContent(new byte[0], new float[] {0.5f}, caption));
  }

  static ContentBlock.Image pngImage(BufferedImage image) {
    return new ContentBlock.Image(ImageContent.ofBytes(encode(image, "png")));
  }

  static BufferedImage flat(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    return image;
  }

  /** An RGB image whose pixel (x, y) is grey level {@code levels[y][x]}. */
  static BufferedImage greyLevels(int[][] levels) {
    BufferedImage image =
        new BufferedImage(levels[0].length, levels.length, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < levels.length; y++) {
      for (int x = 0; x < levels[y].length; x++) {
        int v = levels[y][x];
        image.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    return image;
  }

  /** Black and white squares of {@code square} pixels, black at the top left. */
  static BufferedImage checkerboard(int width, int height, int square) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean white = ((x / square) + (y / square)) % 2 == 1;
        image.setRGB(x, y, white ? 0xFFFFFF : 0x000000);
      }
    }
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A 1x1 PNG whose header claims {@code width x height}: only the header is valid for that. */
  static byte[] pngClaiming(int width, int height) {
    byte[] png = encode(flat(1, 1, Color.GRAY), "png");
    // signature (8), IHDR length (4), "IHDR" (4), width (4) at 16, height (4) at 20, ..., CRC at 29
    writeInt(png, 16, width);
    writeInt(png, 20, height);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    writeInt(png, 29, (int) crc.getValue());
    return png;
  }

  private static void writeInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) (value >>> 24);
    bytes[offset + 1] = (byte) (value >>> 16);
    bytes[offset + 2] = (byte) (value >>> 8);
    bytes[offset + 3] = (byte) value;
  }
}
