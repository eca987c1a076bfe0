package io.mmq.persistence;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored form of a {@link Resource}: a compact, versioned binary encoding that round-trips
 * every field exactly (image bytes, embeddings and doubles bit for bit, any Java string) and is
 * deterministic (map entries sorted), so that equal resources have equal bytes and equal {@link
 * #hash hashes}.
 *
 * <p>Layout, version 1: the version byte, then the id, title, tags, blocks (a tag byte and the
 * block's fields), publisher, publish time (a presence byte, seconds, nanoseconds), language,
 * source, numeric and categorical attributes. Strings are an int length in chars and the chars in
 * modified UTF-8 (one byte for ASCII, three at most); lists and maps an int size first.
 */
final class ResourceCodec {
  static final byte VERSION = 1;

  private static final byte PARAGRAPH = 1;
  private static final byte HEADING = 2;
  private static final byte QUOTE = 3;
  private static final byte LIST_ITEM = 4;
  private static final byte IMAGE = 5;
  private static final byte VIDEO = 6;

  private ResourceCodec() {}

  static byte[] encode(Resource resource) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeString(out, resource.id().value());
      writeString(out, resource.title());
      out.writeInt(resource.tags().size());
      for (String tag : resource.tags()) {
        writeString(out, tag);
      }
      out.writeInt(resource.blocks().size());
      for (ContentBlock block : resource.blocks()) {
        writeBlock(out, block);
      }
      Publisher publisher = resource.publisher();
      writeString(out, publisher.id());
      out.writeInt(publisher.level());
      out.writeLong(publisher.followers());
      out.writeDouble(publisher.verticality());
      out.writeDouble(publisher.authority());
      out.writeInt(publisher.ageDays());
      writeNumbers(out, publisher.attributes());
      out.writeBoolean(resource.publishedAt().isPresent());
      if (resource.publishedAt().isPresent()) {
        out.writeLong(resource.publishedAt().get().getEpochSecond());
        out.writeInt(resource.publishedAt().get().getNano());
      }
      writeString(out, resource.language());
      writeString(out, resource.source());
      writeNumbers(out, resource.numericAttributes());
      Map<String, String> categorical = new TreeMap<>(resource.categoricalAttributes());
      out.writeInt(categorical.size());
      for (Map.Entry<String, String> entry : categorical.entrySet()) {
        writeString(out, entry.getKey());
        writeString(out, entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode resource " + resource.id(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when the bytes are not a resource of a known version (the
   *     message says what is wrong and where)
   */
  static Resource decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "stored resource has encoding version " + version + "; this build reads " + VERSION);
      }
      ResourceId id = ResourceId.of(readString(in));
      String title = readString(in);
      List<String> tags = new ArrayList<>();
      for (int i = readCount(in); i > 0; i--) {
        tags.add(readString(in));
      }
      List<ContentBlock> blocks = new ArrayList<>();
      for (int i = readCount(in); i > 0; i--) {
        blocks.add(readBlock(in));
      }
      Publisher publisher =
          new Publisher(
              readString(in),
              in.readInt(),
              in.readLong(),
              in.readDouble(),
              in.readDouble(),
              in.readInt(),
              readNumbers(in));
      Optional<Instant> publishedAt =
          in.readBoolean()
              ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt()))
              : Optional.empty();
      String language = readString(in);
      String source = readString(in);
      Map<String, Double> numeric = readNumbers(in);
      Map<String, String> categorical = new LinkedHashMap<>();
      for (int i = readCount(in); i > 0; i--) {
        categorical.put(readString(in), readString(in));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException(
            "stored resource " + id + " has " + in.available() + " bytes after its end");
      }
      return new Resource(
          id, title, tags, blocks, publisher, publishedAt, language, source, numeric, categorical);
    } catch (EOFException e) {
      throw new IllegalArgumentException("stored resource is truncated", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode a stored resource", e);
    }
  }

  /** The SHA-256 of an encoding, in hex: equal resources, equal hashes. */
  static String hash(byte[] encoded) {
    return io.mmq.core.registry.model.ModelArtifact.sha256(encoded);
  }

  private static void writeBlock(DataOutputStream out, ContentBlock block) throws IOException {
    if (block instanceof ContentBlock.Paragraph paragraph) {
      out.writeByte(PARAGRAPH);
      writeString(out, paragraph.text());
    } else if (block instanceof ContentBlock.Heading heading) {
      out.writeByte(HEADING);
      writeString(out, heading.text());
    } else if (block instanceof ContentBlock.Quote quote) {
      out.writeByte(QUOTE);
      writeString(out, quote.text());
    } else if (block instanceof ContentBlock.ListItem item) {
      out.writeByte(LIST_ITEM);
      writeString(out, item.text());
    } else if (block instanceof ContentBlock.Image image) {
      out.writeByte(IMAGE);
      ImageContent content = image.content();
      byte[] data = content.data();
      out.writeInt(data.length);
      out.write(data);
      float[] embedding = content.embedding();
      out.writeInt(embedding.length);
      for (float value : embedding) {
        out.writeFloat(value);
      }
      writeString(out, content.caption());
    } else if (block instanceof ContentBlock.Video video) {
      out.writeByte(VIDEO);
      out.writeDouble(video.durationSeconds());
    } else {
      throw new IllegalStateException("unknown content block " + block.getClass().getName());
    }
  }

  private static ContentBlock readBlock(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case PARAGRAPH:
        return new ContentBlock.Paragraph(readString(in));
      case HEADING:
        return new ContentBlock.Heading(readString(in));
      case QUOTE:
        return new ContentBlock.Quote(readString(in));
      case LIST_ITEM:
        return new ContentBlock.ListItem(readString(in));
      case IMAGE:
        byte[] data = new byte[readCount(in)];
        in.readFully(data);
        float[] embedding = new float[readCount(in)];
        for (int i = 0; i < embedding.length; i++) {
          embedding[i] = in.readFloat();
        }
        return new ContentBlock.Image(new ImageContent(data, embedding, readString(in)));
      case VIDEO:
        return new ContentBlock.Video(in.readDouble());
      default:
        throw new IllegalArgumentException("stored resource has an unknown block tag " + tag);
    }
  }

  private static void writeNumbers(DataOutputStream out, Map<String, Double> values)
      throws IOException {
    Map<String, Double> sorted = new TreeMap<>(values);
    out.writeInt(sorted.size());
    for (Map.Entry<String, Double> entry : sorted.entrySet()) {
      writeString(out, entry.getKey());
      out.writeDouble(entry.getValue());
    }
  }

  private static Map<String, Double> readNumbers(DataInputStream in) throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = readCount(in); i > 0; i--) {
      values.put(readString(in), in.readDouble());
    }
    return values;
  }

  /** Modified UTF-8 without writeUTF's 64 KiB limit: every char, unpaired surrogates too. */
  private static void writeString(DataOutputStream out, String text) throws IOException {
    out.writeInt(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x01 && c <= 0x7f) {
        out.writeByte(c);
      } else if (c <= 0x7ff) {
        out.writeByte(0xc0 | (c >> 6));
        out.writeByte(0x80 | (c & 0x3f));
      } else {
        out.writeByte(0xe0 | (c >> 12));
        out.writeByte(0x80 | ((c >> 6) & 0x3f));
        out.writeByte(0x80 | (c & 0x3f));
      }
    }
  }

  private static String readString(DataInputStream in) throws IOException {
    char[] chars = new char[readCount(in)];
    for (int i = 0; i < chars.length; i++) {
      int b = in.readUnsignedByte();
      if (b < 0x80) {
        chars[i] = (char) b;
      } else if ((b & 0xe0) == 0xc0) {
        chars[i] = (char) (((b & 0x1f) << 6) | continuation(in));
      } else if ((b & 0xf0) == 0xe0) {
        chars[i] = (char) (((b & 0x0f) << 12) | (continuation(in) << 6) | continuation(in));
      } else {
        throw new IllegalArgumentException("stored resource has a malformed string");
      }
    }
    return new String(chars);
  }

  private static int continuation(DataInputStream in) throws IOException {
    int b = in.readUnsignedByte();
    if ((b & 0xc0) != 0x80) {
      throw new IllegalArgumentException("stored resource has a malformed string");
    }
    return b & 0x3f;
  }

  private static int readCount(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new IllegalArgumentException("stored resource has an impossible length " + count);
    }
    return count;
  }
}
