package io.mmq.core.attribute.policy;

import static io.mmq.core.attribute.policy.AttributeFixtures.checkerboard;
import static io.mmq.core.attribute.policy.AttributeFixtures.encode;
import static io.mmq.core.attribute.policy.AttributeFixtures.flat;
import static io.mmq.core.attribute.policy.AttributeFixtures.greyLevels;
import static io.mmq.core.attribute.policy.AttributeFixtures.pngClaiming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.resource.model.ImageContent;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageAttributeExtractorTest {
  private final ImageAttributeExtractor extractor = ImageAttributeExtractor.standard();

  private ImageAttributes png(BufferedImage image) {
    return extractor.extract(ImageContent.ofBytes(encode(image, "png")));
  }

  @Test
  void flatGreyImageHasNoSharpnessNoColourAndAGreyThumbnail() {
    ImageAttributes attributes = png(flat(40, 30, new Color(128, 128, 128)));

    assertThat(attributes.width()).isEqualTo(40);
    assertThat(attributes.height()).isEqualTo(30);
    assertThat(attributes.aspectRatio()).isEqualTo(40.0 / 30.0);
    assertThat(attributes.sharpness()).isZero();
    assertThat(attributes.colourfulness()).isZero();
    assertThat(attributes.thumbnail()).hasSize(32 * 32 * 3).containsOnly(128f / 255f);
    assertThat(attributes.embedding()).isEmpty();
  }

  @Test
  void sharpnessOfTheWorkedFourByFourExampleSurvivesPngEncoding() {
    int[][] levels = {{10, 10, 10, 10}, {10, 50, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}};
    assertThat(png(greyLevels(levels)).sharpness()).isEqualTo(6800.0);
  }

  @Test
  void checkerboardIsSharperThanItsBlurredCopy() {
    BufferedImage sharp = checkerboard(64, 64, 8);
    float[] box = new float[25];
    Arrays.fill(box, 1f / 25);
    BufferedImage blurred = new ConvolveOp(new Kernel(5, 5, box), ConvolveOp.EDGE_NO_OP, null)
        .filter(sharp, null);

    double sharpSharpness = png(sharp).sharpness();
    double blurredSharpness = png(blurred).sharpness();
    assertThat(blurredSharpness).isPositive();
    assertThat(sharpSharpness).isGreaterThan(4 * blurredSharpness);
  }

  /**
   * 512x512 with 2-pixel squares is box-averaged to 256x256 with 1-pixel squares: every interior
   * Laplacian is ±4·255 = ±1020, half of each, so the variance is 1020² = 1,040,400.
   */
  @Test
  void largeImagesAreAnalysedAtTwoHundredFiftySixPixels() {
    ImageAttributes attributes = png(checkerboard(512, 512, 2));

    assertThat(attributes.width()).isEqualTo(512);
    assertThat(attributes.sharpness()).isEqualTo(1_040_400.0);
  }

  @Test
  void pureRedAndPureGreenAreColourfulAndGreyIsNot() {
    double red = png(flat(16, 16, Color.RED)).colourfulness();
    double green = png(flat(16, 16, Color.GREEN)).colourfulness();

    assertThat(red).isCloseTo(85.5296, within(1e-4)); // 0.3·sqrt(255² + 127.5²)
    assertThat(green).isCloseTo(85.5296, within(1e-4)); // rg = -255, yb = 127.5
    assertThat(png(flat(16, 16, Color.GRAY)).colourfulness()).isZero();
  }

  @Test
  void thumbnailKeepsTheLayoutOfColours() {
    BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, x < 32 ? 0xFF0000 : 0x0000FF);
      }
    }
    float[] thumbnail = png(image).thumbnail();

    assertThat(Arrays.copyOfRange(thumbnail, 0, 3)).containsExactly(1f, 0f, 0f);
    int bottomRight = (31 * 32 + 31) * 3;
    assertThat(Arrays.copyOfRange(thumbnail, bottomRight, bottomRight + 3))
        .containsExactly(0f, 0f, 1f);
  }

  @Test
  void greyPngIsReadAtItsOwnLevelsNotBrightenedByColourConversion() {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        grey.getRaster().setSample(x, y, 0, 100);
      }
    }
    assertThat(png(grey).thumbnail()).containsOnly(100f / 255f);
  }

  @Test
  void transparencyIsCompositedOverWhite() {
    BufferedImage clear = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB); // all 0x00000000
    assertThat(png(clear).thumbnail()).containsOnly(1f);
  }

  @Test
  void jpegIsDecoded() {
    ImageAttributes attributes =
        extractor.extract(ImageContent.ofBytes(encode(flat(20, 10, Color.GRAY), "jpeg")));

    assertThat(attributes.width()).isEqualTo(20);
    assertThat(attributes.height()).isEqualTo(10);
    assertThat(attributes.aspectRatio()).isEqualTo(2.0);
    assertThat(attributes.colourfulness()).isLessThan(2.0);
  }

  @Test
  void largeImagesAreSubsampledWhileDecodingButKeepTheirDimensions() {
    ImageAttributeExtractor tight =
        new ImageAttributeExtractor(new ImageAttributeExtractor.Limits(40_000_000L, 20_000, 100, 256));
    assertThat(tight.subsampling(20, 20)).isEqualTo(2); // 10 x 10 = 100
    assertThat(tight.subsampling(21, 20)).isEqualTo(3); // 11 x 10 > 100; 7 x 7 fits
    assertThat(tight.subsampling(10, 10)).isEqualTo(1);

    BufferedImage stripes = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 20; x++) {
        stripes.setRGB(x, y, x % 2 == 0 ? 0xFF0000 : 0x0000FF);
      }
    }
    ImageAttributes attributes = tight.extract(ImageContent.ofBytes(encode(stripes, "png")));

    assertThat(attributes.width()).isEqualTo(20);
    // every second column is decoded: only the red ones remain, no blue at all
    float[] thumbnail = attributes.thumbnail();
    for (int i = 0; i < thumbnail.length; i += 3) {
      assertThat(Arrays.copyOfRange(thumbnail, i, i + 3)).containsExactly(1f, 0f, 0f);
    }
  }

  @Test
  void decompressionBombsAreRejectedFromTheHeaderAlone() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> extractor.extract(ImageContent.ofBytes(pngClaiming(50_000, 10))))
        .withMessage("image is 50000x10 pixels; at most 20000 pixels per side allowed");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> extractor.extract(ImageContent.ofBytes(pngClaiming(10_000, 5_000))))
        .withMessage("image is 10000x5000 = 50000000 pixels; at most 40000000 pixels allowed");
  }

  @Test
  void undecodableBytesAreRejectedPrecisely() {
    byte[] png = encode(flat(8, 8, Color.BLUE), "png");
    for (byte[] bytes :
        new byte[][] {
          "not an image".getBytes(StandardCharsets.UTF_8),
          Arrays.copyOf(png, 40),
          encode(flat(8, 8, Color.BLUE), "gif")
        }) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> extractor.extract(ImageContent.ofBytes(bytes)))
          .withMessage("image bytes are not a decodable JPEG or PNG");
    }
  }

  @Test
  void embeddingOnlyImageHasNoPixelsButKeepsItsEmbedding() {
    ImageAttributes attributes =
        extractor.extract(ImageContent.ofEmbedding(new float[] {0.25f, -1f}));

    assertThat(attributes.hasPixels()).isFalse();
    assertThat(attributes.width()).isZero();
    assertThat(attributes.sharpness()).isZero();
    assertThat(attributes.thumbnail()).isEmpty();
    assertThat(attributes.embedding()).containsExactly(0.25f, -1f);
  }

  @Test
  void bytesAndEmbeddingAreBothKeptAndExtractionIsDeterministic() {
    ImageContent content =
        new ImageContent(encode(checkerboard(48, 40, 5), "png"), new float[] {3f}, "caption");

    ImageAttributes first = extractor.extract(content);
    assertThat(first.hasPixels()).isTrue();
    assertThat(first.embedding()).containsExactly(3f);
    assertThat(extractor.extract(content)).isEqualTo(first);
  }

  @Test
  void limitsAreChecked() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageAttributeExtractor.Limits(1, 1, 1, 2))
        .withMessage("analysisSide must be at least 3, was 2");
  }
}
