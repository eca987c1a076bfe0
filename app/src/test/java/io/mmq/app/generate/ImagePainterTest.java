package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.policy.ImageAttributeExtractor;
import io.mmq.core.resource.model.ImageContent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePainterTest {
  private final ImagePainter painter = new ImagePainter(48, 48);

  @Test
  void writesRealPngAndJpegFilesOfTheConfiguredSize() throws IOException {
    byte[] png = painter.paint(true, ImagePainter.Format.PNG, new Draws(1));
    byte[] jpeg = painter.paint(false, ImagePainter.Format.JPEG, new Draws(1));

    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(jpeg).startsWith(0xFF, 0xD8);
    for (byte[] data : new byte[][] {png, jpeg}) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(48);
      assertThat(image.getHeight()).isEqualTo(48);
    }
  }

  @Test
  void highLookingPicturesAreSharperAndMoreColourfulThanLowLookingOnes() {
    Draws draws = new Draws(21);
    double sharpHigh = 0;
    double sharpLow = 0;
    double colourHigh = 0;
    double colourLow = 0;
    int n = 40;
    for (int i = 0; i < n; i++) {
      ImagePainter.Format format = i % 2 == 0 ? ImagePainter.Format.PNG : ImagePainter.Format.JPEG;
      ImageAttributes high = attributes(painter.paint(true, format, draws));
      ImageAttributes low = attributes(painter.paint(false, format, draws));
      // every low-looking picture is nearly grey and blurry
      assertThat(low.colourfulness()).isLessThan(25);
      sharpHigh += high.sharpness();
      sharpLow += low.sharpness();
      colourHigh += high.colourfulness();
      colourLow += low.colourfulness();
    }
    assertThat(colourHigh / n).isGreaterThan(3 * colourLow / n);
    assertThat(sharpHigh / n).isGreaterThan(10 * sharpLow / n);
  }

  @Test
  void theSameDrawsGiveTheSameBytes() {
    byte[] first = painter.paint(true, ImagePainter.Format.JPEG, new Draws(5));
    byte[] second = painter.paint(true, ImagePainter.Format.JPEG, new Draws(5));
    byte[] other = painter.paint(true, ImagePainter.Format.JPEG, new Draws(6));

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  private static ImageAttributes attributes(byte[] data) {
    return ImageAttributeExtractor.standard().extract(ImageContent.ofBytes(data));
  }
}
