package io.mmq.core.resource.model;

import io.mmq.core.common.Checks;
import java.util.Objects;

/** One block of a resource's body, in reading order (R1). */
public sealed interface ContentBlock {

  /** The kind of a block, as used in the style/layout sequence. */
  enum Kind {
    PARAGRAPH,
    HEADING,
    IMAGE,
    QUOTE,
    LIST_ITEM,
    VIDEO
  }

  Kind kind();

  /** Text carried by the block ("" for images without caption and for videos). */
  String text();

  record Paragraph(String text) implements ContentBlock {
    public Paragraph {
      Objects.requireNonNull(text, "paragraph.text is null");
    }

    @Override
    public Kind kind() {
      return Kind.PARAGRAPH;
    }
  }

  record Heading(String text) implements ContentBlock {
    public Heading {
      Objects.requireNonNull(text, "heading.text is null");
    }

    @Override
    public Kind kind() {
      return Kind.HEADING;
    }
  }

  record Quote(String text) implements ContentBlock {
    public Quote {
      Objects.requireNonNull(text, "quote.text is null");
    }

    @Override
    public Kind kind() {
      return Kind.QUOTE;
    }
  }

  record ListItem(String text) implements ContentBlock {
    public ListItem {
      Objects.requireNonNull(text, "listItem.text is null");
    }

    @Override
    public Kind kind() {
      return Kind.LIST_ITEM;
    }
  }

  record Image(ImageContent content) implements ContentBlock {
    public Image {
      Objects.requireNonNull(content, "image is null");
    }

    @Override
    public Kind kind() {
      return Kind.IMAGE;
    }

    @Override
    public String text() {
      return content.caption();
    }
  }

  record Video(double durationSeconds) implements ContentBlock {
    public Video {
      Checks.requireInRange(durationSeconds, 0, Double.MAX_VALUE, "video.durationSeconds");
    }

    @Override
    public Kind kind() {
      return Kind.VIDEO;
    }

    @Override
    public String text() {
      return "";
    }
  }
}
