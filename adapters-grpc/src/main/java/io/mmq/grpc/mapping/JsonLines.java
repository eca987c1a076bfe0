package io.mmq.grpc.mapping;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.resource.model.Resource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the R17 exchange format: JSON Lines where each line is the proto3 JSON mapping of a
 * {@code Resource} or an {@code EngagementRecord}. Each line is parsed and checked on its own; a
 * bad line is reported with its number and field path and the rest of the file is read.
 */
public final class JsonLines {
  /** Longest line accepted (an article with a few inline images). */
  public static final int MAX_LINE_CHARS = 32 * 1024 * 1024;

  private static final JsonFormat.Parser PARSER = JsonFormat.parser();
  private static final Pattern UNKNOWN_FIELD = Pattern.compile("Cannot find field: (\\S+)");

  private JsonLines() {}

  /** One line's outcome: a value, or an error naming the field. */
  public sealed interface Line<T> {
    long number();
  }

  public record Parsed<T>(long number, T value) implements Line<T> {}

  /** A line that breaks a rule; {@code oversized} when a value is over a size limit. */
  public record Rejected<T>(long number, String fieldPath, String message, boolean oversized)
      implements Line<T> {
    public Rejected {
      Objects.requireNonNull(fieldPath, "fieldPath is null");
      Objects.requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
      return "line " + number + (fieldPath.isEmpty() ? "" : ", " + fieldPath) + ": " + message;
    }
  }

  public static void readResources(BufferedReader reader, Consumer<Line<Resource>> consumer) {
    readResources(reader, RequestLimits.DEFAULT, consumer);
  }

  /** Resources checked against {@code limits}. */
  public static void readResources(
      BufferedReader reader, RequestLimits limits, Consumer<Line<Resource>> consumer) {
    read(
        reader,
        io.mmq.proto.v1.Resource::newBuilder,
        (io.mmq.proto.v1.Resource proto) -> ResourceMapper.toDomain(proto, limits),
        consumer);
  }

  public static void readEngagement(BufferedReader reader, Consumer<Line<EngagementRecord>> consumer) {
    read(reader, io.mmq.proto.v1.EngagementRecord::newBuilder, EngagementMapper::toDomain, consumer);
  }

  /** Parses one JSON object into a message, or throws an {@link InvalidFieldException}. */
  public static <M extends Message> M parse(String json, Supplier<? extends Message.Builder> builder) {
    Message.Builder target = builder.get();
    try {
      PARSER.merge(json, target);
    } catch (InvalidProtocolBufferException e) {
      String message = String.valueOf(e.getMessage());
      Matcher unknown = UNKNOWN_FIELD.matcher(message);
      String path = JsonFieldLocator.locate(json, target.getDescriptorForType());
      if (path.isEmpty() && unknown.find()) {
        path = unknown.group(1);
      }
      throw new InvalidFieldException(path, "not valid JSON for " + target.getDescriptorForType().getName() + ": " + message);
    } catch (RuntimeException e) { // malformed JSON surfaces as Gson runtime exceptions
      throw new InvalidFieldException("", "not valid JSON: " + e.getMessage());
    }
    @SuppressWarnings("unchecked")
    M built = (M) target.build();
    return built;
  }

  private static <M extends Message, T> void read(
      BufferedReader reader,
      Supplier<? extends Message.Builder> builder,
      Function<M, T> mapper,
      Consumer<Line<T>> consumer) {
    long number = 0;
    try {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        if (text.length() > MAX_LINE_CHARS) {
          consumer.accept(
              new Rejected<>(number, "", "line is " + text.length() + " characters; at most " + MAX_LINE_CHARS + " allowed", true));
          continue;
        }
        try {
          M message = parse(text, builder);
          consumer.accept(new Parsed<>(number, mapper.apply(message)));
        } catch (InvalidFieldException e) {
          consumer.accept(new Rejected<>(number, e.fieldPath(), e.reason(), e.isOversized()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading line " + (number + 1) + " failed", e);
    }
  }
}
