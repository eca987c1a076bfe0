package io.mmq.core.attribute.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.LayoutToken;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ContentBlock.Kind;
import io.mmq.core.resource.model.ImageContent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutExtractorTest {

  private static ImageAttributes image(int width, int height) {
    return new ImageAttributes(
        width, height, 1, 0, 0, new float[ImageAttributes.THUMBNAIL_SIZE * ImageAttributes.THUMBNAIL_SIZE * 3],
        new float[0]);
  }

  private static final ContentBlock.Image IMAGE_BLOCK =
      new ContentBlock.Image(ImageContent.ofEmbedding(new float[] {1f}));

  @Test
  void sequenceFollowsReadingOrderWithSizeBuckets() {
    List<ContentBlock> blocks =
        List.of(
            new ContentBlock.Heading("Short heading"),
            new ContentBlock.Paragraph("x".repeat(250)),
            IMAGE_BLOCK,
            new ContentBlock.Quote("y".repeat(900)),
            new ContentBlock.ListItem("item"),
            new ContentBlock.Video(45));

    assertThat(LayoutExtractor.standard().extract(blocks, List.of(image(800, 600))))
        .containsExactly(
            new LayoutToken(Kind.HEADING, 0),
            new LayoutToken(Kind.PARAGRAPH, 2),
            new LayoutToken(Kind.IMAGE, 1),
            new LayoutToken(Kind.QUOTE, 3),
            new LayoutToken(Kind.LIST_ITEM, 0),
            new LayoutToken(Kind.VIDEO, 1));
  }

  @Test
  void textBucketsCountCodePointsOfTheStrippedText() {
    assertThat(LayoutExtractor.textBucket("a".repeat(39))).isZero();
    assertThat(LayoutExtractor.textBucket("  " + "a".repeat(39) + "  ")).isZero();
    assertThat(LayoutExtractor.textBucket("a".repeat(40))).isEqualTo(1);
    assertThat(LayoutExtractor.textBucket("字".repeat(199))).isEqualTo(1);
    assertThat(LayoutExtractor.textBucket("😀".repeat(200))).isEqualTo(2); // 400 chars, 200 code points
    assertThat(LayoutExtractor.textBucket("a".repeat(799))).isEqualTo(2);
    assertThat(LayoutExtractor.textBucket("a".repeat(800))).isEqualTo(3);
  }

  @Test
  void imageBucketsByPixelCountAndEmbeddingOnlyImagesInBucketZero() {
    assertThat(LayoutExtractor.imageBucket(image(499, 500))).isZero();
    assertThat(LayoutExtractor.imageBucket(image(500, 500))).isEqualTo(1);
    assertThat(LayoutExtractor.imageBucket(image(1000, 1000))).isEqualTo(2);
    assertThat(LayoutExtractor.imageBucket(image(2000, 2000))).isEqualTo(3);
    assertThat(
            LayoutExtractor.imageBucket(
                new ImageAttributes(0, 0, 0, 0, 0, new float[0], new float[] {1f})))
        .isZero();
  }

  @Test
  void videoBucketsByDuration() {
    assertThat(LayoutExtractor.videoBucket(29.9)).isZero();
    assertThat(LayoutExtractor.videoBucket(30)).isEqualTo(1);
    assertThat(LayoutExtractor.videoBucket(599)).isEqualTo(2);
    assertThat(LayoutExtractor.videoBucket(600)).isEqualTo(3);
  }

  @Test
  void sequenceIsCappedAtMaxLength() {
    List<ContentBlock> blocks =
        List.of(
            new ContentBlock.Paragraph("a"),
            new ContentBlock.Paragraph("b"),
            new ContentBlock.Heading("c"),
            new ContentBlock.Paragraph("d"));

    assertThat(new LayoutExtractor(3).extract(blocks, List.of()))
        .extracting(LayoutToken::kind)
        .containsExactly(Kind.PARAGRAPH, Kind.PARAGRAPH, Kind.HEADING);
  }

  @Test
  void imageAttributesMustMatchTheImageBlocks() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LayoutExtractor.standard().extract(List.of(IMAGE_BLOCK), List.of()))
        .withMessage("blocks hold 1 images but 0 image attributes given");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LayoutExtractor(0))
        .withMessage("maxLength must be at least 1, was 0");
  }
}
