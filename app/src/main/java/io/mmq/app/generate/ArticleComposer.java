package io.mmq.app.generate;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Composes one article from the looks of its channels. The layout channel decides the structure: a
 * high-looking article reads lead paragraph, image, heading, paragraph, quote, list items,
 * paragraph; a low-looking one is a run of one-sentence paragraphs or an image wall. The body
 * channel decides what the sentences are like, the image channel what the pictures are like, and
 * the title and tags channels the words there.
 */
final class ArticleComposer {

  /** Whether each text and media channel of one article looks high quality. */
  record Looks(boolean title, boolean tags, boolean body, boolean images, boolean layout) {}

  /** A composed article: the resource, its image count and whether it invites discussion. */
  record Article(Resource resource, int images, boolean discussion) {
    Article {
      Objects.requireNonNull(resource, "resource is null");
    }
  }

  /** Pictures are PNG with this probability, JPEG otherwise, whatever they look like. */
  static final double PNG_SHARE = 0.7;

  private final ImagePainter painter;

  ArticleComposer(ImagePainter painter) {
    this.painter = Objects.requireNonNull(painter, "painter is null");
  }

  Article compose(
      ResourceId id,
      Lexicon lexicon,
      Looks looks,
      boolean withImages,
      PublisherPool.Entry publisher,
      Instant publishedAt,
      Draws draws) {
    TextComposer text = new TextComposer(lexicon, draws);
    String topic = draws.pick(lexicon.topics());
    String title = text.title(looks.title());
    List<String> tags = text.tags(looks.tags(), topic);
    List<ContentBlock> blocks =
        looks.layout()
            ? structured(text, looks, withImages, draws)
            : flat(text, looks, withImages, draws);
    int images = (int) blocks.stream().filter(ContentBlock.Image.class::isInstance).count();
    boolean discussion =
        blocks.stream()
            .anyMatch(
                block ->
                    block instanceof ContentBlock.Quote
                        || block.text().indexOf('?') >= 0
                        || block.text().indexOf('？') >= 0);
    int hour = publishedAt.atOffset(ZoneOffset.UTC).getHour();
    Resource resource =
        new Resource(
            id,
            title,
            tags,
            blocks,
            publisher.publisher(),
            Optional.of(publishedAt),
            lexicon.code(),
            publisher.source(),
            Map.of("hour", (double) hour),
            Map.of("section", topic));
    return new Article(resource, images, discussion);
  }

  /** Lead, image, heading, paragraph, quote, list items, heading, paragraph, image, paragraph. */
  private List<ContentBlock> structured(
      TextComposer text, Looks looks, boolean withImages, Draws draws) {
    List<ContentBlock> blocks = new ArrayList<>();
    boolean body = looks.body();
    blocks.add(new ContentBlock.Paragraph(text.paragraph(body, draws.between(3, 4))));
    if (withImages) {
      blocks.add(image(text, looks.images(), draws));
    }
    blocks.add(new ContentBlock.Heading(text.heading()));
    blocks.add(new ContentBlock.Paragraph(text.paragraph(body, draws.between(2, 4))));
    if (draws.chance(body ? 0.6 : 0.3)) {
      blocks.add(new ContentBlock.Quote(text.quote(body)));
    }
    int items = draws.between(2, 4);
    for (int i = 0; i < items; i++) {
      blocks.add(new ContentBlock.ListItem(text.listItem()));
    }
    if (draws.chance(0.5)) {
      blocks.add(new ContentBlock.Heading(text.heading()));
    }
    blocks.add(new ContentBlock.Paragraph(text.paragraph(body, draws.between(2, 3))));
    if (withImages && draws.chance(0.5)) {
      blocks.add(image(text, looks.images(), draws));
    }
    if (draws.chance(0.1)) {
      blocks.add(new ContentBlock.Video(draws.between(60, 300)));
    }
    blocks.add(new ContentBlock.Paragraph(text.paragraph(body, draws.between(1, 2))));
    return blocks;
  }

  /** An image wall with one-line captions, or a run of one-sentence paragraphs. */
  private List<ContentBlock> flat(TextComposer text, Looks looks, boolean withImages, Draws draws) {
    List<ContentBlock> blocks = new ArrayList<>();
    boolean body = looks.body();
    blocks.add(new ContentBlock.Paragraph(text.paragraph(body, 1)));
    if (withImages && draws.chance(0.6)) {
      int images = draws.between(3, 4);
      for (int i = 0; i < images; i++) {
        blocks.add(image(text, looks.images(), draws));
        if (draws.chance(0.3)) {
          blocks.add(new ContentBlock.Paragraph(text.paragraph(body, 1)));
        }
      }
      return blocks;
    }
    if (withImages) {
      blocks.add(image(text, looks.images(), draws));
    }
    int paragraphs = draws.between(5, 9);
    for (int i = 0; i < paragraphs; i++) {
      blocks.add(new ContentBlock.Paragraph(text.paragraph(body, 1)));
      if (i == paragraphs / 2 && draws.chance(body ? 0.3 : 0.2)) {
        blocks.add(new ContentBlock.Quote(text.quote(body)));
      }
    }
    if (draws.chance(0.1)) {
      blocks.add(new ContentBlock.Video(draws.between(5, 20)));
    }
    return blocks;
  }

  private ContentBlock image(TextComposer text, boolean looksHigh, Draws draws) {
    ImagePainter.Format format =
        draws.chance(PNG_SHARE) ? ImagePainter.Format.PNG : ImagePainter.Format.JPEG;
    byte[] data = painter.paint(looksHigh, format, draws);
    return new ContentBlock.Image(new ImageContent(data, new float[0], text.caption(looksHigh)));
  }
}
