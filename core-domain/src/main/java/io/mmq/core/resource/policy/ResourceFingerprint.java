package io.mmq.core.resource.policy;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The content hash of a resource: SHA-256, as 64 lower-case hex digits, over a canonical encoding
 * of every field (id, title, tags in order, blocks in order with their kind and content, every
 * publisher field, publish time, language, source, and both attribute maps with entries sorted by
 * key). Equal resources hash equal in any JVM; any change of any field changes the hash. Used as
 * the stored content hash (idempotent ingestion) and as a prediction-cache key.
 *
 * <p>Encoding ({@code v1}): a version tag, then each field in declaration order; strings as their
 * UTF-8 length and bytes, lists and maps prefixed by their size, numbers in their IEEE bits, the
 * block kind by name, so that no two different resources share an encoding.
 */
public record ResourceFingerprint(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final String VERSION = "mmq.resource.v1";

  public ResourceFingerprint {
    Objects.requireNonNull(hex, "hex is null");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("fingerprint must be 64 lower-case hex digits: " + hex);
    }
  }

  public static ResourceFingerprint of(Resource resource) {
    Objects.requireNonNull(resource, "resource is null");
    MessageDigest digest = sha256();
    try (DataOutputStream out =
        new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
      writeString(out, VERSION);
      writeString(out, resource.id().value());
      writeString(out, resource.title());
      writeStrings(out, resource.tags());
      out.writeInt(resource.blocks().size());
      for (ContentBlock block : resource.blocks()) {
        writeBlock(out, block);
      }
      writePublisher(out, resource.publisher());
      out.writeBoolean(resource.publishedAt().isPresent());
      if (resource.publishedAt().isPresent()) {
        Instant at = resource.publishedAt().get();
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
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
      throw new UncheckedIOException("cannot write to a digest", e);
    }
    return new ResourceFingerprint(HexFormat.of().formatHex(digest.digest()));
  }

  @Override
  public String toString() {
    return hex;
  }

  private static void writeBlock(DataOutputStream out, ContentBlock block) throws IOException {
    writeString(out, block.kind().name());
    if (block instanceof ContentBlock.Image image) {
      ImageContent content = image.content();
      byte[] data = content.data();
      out.writeInt(data.length);
      out.write(data);
      float[] embedding = content.embedding();
      out.writeInt(embedding.length);
      for (float value : embedding) {
        out.writeInt(Float.floatToIntBits(value));
      }
      writeString(out, content.caption());
    } else if (block instanceof ContentBlock.Video video) {
      out.writeLong(Double.doubleToLongBits(video.durationSeconds()));
    } else {
      writeString(out, block.text());
    }
  }

  private static void writePublisher(DataOutputStream out, Publisher publisher)
      throws IOException {
    writeString(out, publisher.id());
    out.writeInt(publisher.level());
    out.writeLong(publisher.followers());
    out.writeLong(Double.doubleToLongBits(publisher.verticality()));
    out.writeLong(Double.doubleToLongBits(publisher.authority()));
    out.writeInt(publisher.ageDays());
    writeNumbers(out, publisher.attributes());
  }

  private static void writeNumbers(DataOutputStream out, Map<String, Double> numbers)
      throws IOException {
    Map<String, Double> sorted = new TreeMap<>(numbers);
    out.writeInt(sorted.size());
    for (Map.Entry<String, Double> entry : sorted.entrySet()) {
      writeString(out, entry.getKey());
      out.writeLong(Double.doubleToLongBits(entry.getValue()));
    }
  }

  private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      writeString(out, value);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    out.writeInt(value.length());
    out.writeChars(value);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
