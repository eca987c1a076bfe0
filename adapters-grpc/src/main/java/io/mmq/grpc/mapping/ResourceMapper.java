package io.mmq.grpc.mapping;

import io.mmq.core.attribute.policy.ImageAttributeExtractor;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.proto.v1.Image;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@code mmq.v1.Resource} to the core's {@link Resource} and back. Every wire-shape rule is
 * checked here and reported with its JSON field path; oversized fields are marked as such. Image
 * bytes must be a JPEG or PNG whose header is readable and declares dimensions within the {@link
 * RequestLimits}; no pixel is decoded here.
 */
public final class ResourceMapper {
  /** Largest encoded image accepted in one block by default ({@link RequestLimits#DEFAULT}). */
  public static final int MAX_IMAGE_BYTES = RequestLimits.DEFAULT.maxImageBytes();
  /** Longest image embedding accepted. */
  public static final int MAX_EMBEDDING_LENGTH = 4_096;
  /** Most numeric or categorical extras per resource. */
  public static final int MAX_EXTRAS = 256;

  private ResourceMapper() {}

  /** With the {@link RequestLimits#DEFAULT default limits}. */
  public static Resource toDomain(io.mmq.proto.v1.Resource proto) {
    return toDomain(proto, RequestLimits.DEFAULT);
  }

  public static Resource toDomain(io.mmq.proto.v1.Resource proto, RequestLimits limits) {
    String id = FieldPath.required(proto.getId(), "id");
    ResourceId resourceId = FieldPath.at("id", () -> ResourceId.of(id));
    limit(proto.getTitle().length(), limits.maxTitleChars(), "title", "characters");
    limit(proto.getTagsCount(), Resource.MAX_TAGS, "tags", "entries");
    for (int i = 0; i < proto.getTagsCount(); i++) {
      limit(proto.getTags(i).length(), Resource.MAX_TAG_LENGTH, FieldPath.index("", "tags", i), "characters");
    }
    limit(proto.getBlocksCount(), Resource.MAX_BLOCKS, "blocks", "entries");
    List<ContentBlock> blocks = new ArrayList<>(proto.getBlocksCount());
    for (int i = 0; i < proto.getBlocksCount(); i++) {
      blocks.add(block(proto.getBlocks(i), FieldPath.index("", "blocks", i), limits));
    }
    Publisher publisher = proto.hasPublisher() ? publisher(proto.getPublisher()) : Publisher.UNKNOWN;
    Optional<Instant> publishedAt =
        proto.hasPublishedAt()
            ? Optional.of(Timestamps.toInstant(proto.getPublishedAt(), "publishedAt"))
            : Optional.empty();
    limit(proto.getLanguage().length(), 35, "language", "characters");
    limit(proto.getSource().length(), 253, "source", "characters");
    limit(proto.getNumericAttributesCount(), MAX_EXTRAS, "numericAttributes", "entries");
    finite(proto.getNumericAttributesMap(), "numericAttributes");
    limit(proto.getCategoricalAttributesCount(), MAX_EXTRAS, "categoricalAttributes", "entries");
    return FieldPath.at(
        "",
        () ->
            new Resource(
                resourceId,
                proto.getTitle(),
                proto.getTagsList(),
                blocks,
                publisher,
                publishedAt,
                proto.getLanguage(),
                proto.getSource(),
                proto.getNumericAttributesMap(),
                proto.getCategoricalAttributesMap()));
  }

  private static ContentBlock block(
      io.mmq.proto.v1.ContentBlock proto, String path, RequestLimits limits) {
    int maxText = limits.maxBlockTextChars();
    return switch (proto.getBlockCase()) {
      case PARAGRAPH -> new ContentBlock.Paragraph(text(proto.getParagraph().getText(), path + ".paragraph", maxText));
      case HEADING -> new ContentBlock.Heading(text(proto.getHeading().getText(), path + ".heading", maxText));
      case QUOTE -> new ContentBlock.Quote(text(proto.getQuote().getText(), path + ".quote", maxText));
      case LIST_ITEM -> new ContentBlock.ListItem(text(proto.getListItem().getText(), path + ".listItem", maxText));
      case IMAGE -> new ContentBlock.Image(image(proto.getImage(), path + ".image", limits));
      case VIDEO -> {
        double duration = proto.getVideo().getDurationSeconds();
        if (!Double.isFinite(duration) || duration < 0) {
          throw new InvalidFieldException(
              path + ".video.durationSeconds", "must be a finite number >= 0, was " + duration);
        }
        yield new ContentBlock.Video(duration);
      }
      case BLOCK_NOT_SET ->
          throw new InvalidFieldException(
              path, "a block needs one of paragraph, heading, image, quote, listItem, video");
    };
  }

  private static String text(String text, String path, int max) {
    limit(text.length(), max, path + ".text", "characters");
    return text;
  }

  private static ImageContent image(Image proto, String path, RequestLimits limits) {
    if (proto.getData().size() > limits.maxImageBytes()) {
      throw InvalidFieldException.oversized(
          path + ".data",
          "is " + proto.getData().size() + " bytes; at most " + limits.maxImageBytes() + " allowed");
    }
    byte[] data = proto.getData().toByteArray();
    if (data.length > 0) {
      checkHeader(data, path + ".data", limits);
    }
    limit(proto.getEmbeddingCount(), MAX_EMBEDDING_LENGTH, path + ".embedding", "values");
    float[] embedding = new float[proto.getEmbeddingCount()];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = proto.getEmbedding(i);
      if (!Float.isFinite(embedding[i])) {
        throw new InvalidFieldException(
            FieldPath.index(path, "embedding", i), "must be a finite number, was " + embedding[i]);
      }
    }
    if (proto.getData().isEmpty() && embedding.length == 0) {
      throw new InvalidFieldException(path, "an image needs data or an embedding");
    }
    limit(proto.getCaption().length(), limits.maxBlockTextChars(), path + ".caption", "characters");
    return FieldPath.at(path, () -> new ImageContent(data, embedding, proto.getCaption()));
  }

  /** Reads the image header only: a bomb is refused before a pixel is decoded or stored. */
  private static void checkHeader(byte[] data, String path, RequestLimits limits) {
    ImageAttributeExtractor.Dimensions dimensions =
        FieldPath.at(path, () -> ImageAttributeExtractor.dimensions(data));
    String size = dimensions.width() + "x" + dimensions.height();
    if (dimensions.width() > limits.maxImageSide() || dimensions.height() > limits.maxImageSide()) {
      throw InvalidFieldException.oversized(
          path, "image is " + size + " pixels; at most " + limits.maxImageSide() + " pixels per side allowed");
    }
    if (dimensions.pixels() > limits.maxImagePixels()) {
      throw InvalidFieldException.oversized(
          path,
          "image is " + size + " = " + dimensions.pixels() + " pixels; at most "
              + limits.maxImagePixels() + " pixels allowed");
    }
  }

  private static Publisher publisher(io.mmq.proto.v1.Publisher proto) {
    String path = "publisher";
    nonNegative(proto.getLevel(), path + ".level");
    nonNegative(proto.getFollowers(), path + ".followers");
    nonNegative(proto.getAgeDays(), path + ".ageDays");
    unit(proto.getVerticality(), path + ".verticality");
    unit(proto.getAuthority(), path + ".authority");
    limit(proto.getAttributesCount(), MAX_EXTRAS, path + ".attributes", "entries");
    finite(proto.getAttributesMap(), path + ".attributes");
    return FieldPath.at(
        path,
        () ->
            new Publisher(
                proto.getId(),
                proto.getLevel(),
                proto.getFollowers(),
                proto.getVerticality(),
                proto.getAuthority(),
                proto.getAgeDays(),
                proto.getAttributesMap()));
  }

  public static io.mmq.proto.v1.Resource toProto(Resource resource) {
    var builder =
        io.mmq.proto.v1.Resource.newBuilder()
            .setId(resource.id().value())
            .setTitle(resource.title())
            .addAllTags(resource.tags())
            .setLanguage(resource.language())
            .setSource(resource.source())
            .putAllNumericAttributes(resource.numericAttributes())
            .putAllCategoricalAttributes(resource.categoricalAttributes());
    for (ContentBlock block : resource.blocks()) {
      builder.addBlocks(blockToProto(block));
    }
    if (resource.publisher().isKnown()) {
      Publisher p = resource.publisher();
      builder.setPublisher(
          io.mmq.proto.v1.Publisher.newBuilder()
              .setId(p.id())
              .setLevel(p.level())
              .setFollowers(p.followers())
              .setVerticality(p.verticality())
              .setAuthority(p.authority())
              .setAgeDays(p.ageDays())
              .putAllAttributes(p.attributes()));
    }
    resource.publishedAt().ifPresent(at -> builder.setPublishedAt(Timestamps.toProto(at)));
    return builder.build();
  }

  private static io.mmq.proto.v1.ContentBlock blockToProto(ContentBlock block) {
    var builder = io.mmq.proto.v1.ContentBlock.newBuilder();
    if (block instanceof ContentBlock.Paragraph p) {
      builder.setParagraph(io.mmq.proto.v1.Paragraph.newBuilder().setText(p.text()));
    } else if (block instanceof ContentBlock.Heading h) {
      builder.setHeading(io.mmq.proto.v1.Heading.newBuilder().setText(h.text()));
    } else if (block instanceof ContentBlock.Quote q) {
      builder.setQuote(io.mmq.proto.v1.Quote.newBuilder().setText(q.text()));
    } else if (block instanceof ContentBlock.ListItem l) {
      builder.setListItem(io.mmq.proto.v1.ListItem.newBuilder().setText(l.text()));
    } else if (block instanceof ContentBlock.Video v) {
      builder.setVideo(io.mmq.proto.v1.Video.newBuilder().setDurationSeconds(v.durationSeconds()));
    } else if (block instanceof ContentBlock.Image i) {
      var image =
          Image.newBuilder()
              .setData(com.google.protobuf.ByteString.copyFrom(i.content().data()))
              .setCaption(i.content().caption());
      for (float value : i.content().embedding()) {
        image.addEmbedding(value);
      }
      builder.setImage(image);
    }
    return builder.build();
  }

  static void limit(int size, int max, String path, String unit) {
    if (size > max) {
      throw InvalidFieldException.oversized(
          path, "has " + size + " " + unit + "; at most " + max + " allowed");
    }
  }

  static void finite(Map<String, Double> values, String path) {
    values.forEach(
        (key, value) -> {
          if (key.isBlank()) {
            throw new InvalidFieldException(path, "keys must not be blank");
          }
          if (!Double.isFinite(value)) {
            throw new InvalidFieldException(
                FieldPath.key("", path, key), "must be a finite number, was " + value);
          }
        });
  }

  private static void nonNegative(long value, String path) {
    if (value < 0) {
      throw new InvalidFieldException(path, "must not be negative, was " + value);
    }
  }

  private static void unit(double value, String path) {
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      throw new InvalidFieldException(path, "must be in [0, 1], was " + value);
    }
  }
}
