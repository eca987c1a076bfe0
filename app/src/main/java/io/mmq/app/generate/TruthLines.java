package io.mmq.app.generate;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The truth.jsonl format: one JSON object per article, e.g.
 *
 * <pre>{@code
 * {"id":"a-00001","quality":"HIGH","windowStart":"2026-01-05T00:00:00Z",
 *  "windowEnd":"2026-01-06T00:00:00Z","language":"en","publisher":"p-01","images":2,
 *  "impressions":5120,"underExposed":false,
 *  "signals":{"title":"HIGH","tags":"LOW","body":"HIGH","images":"HIGH","layout":"HIGH",
 *             "publisher":"HIGH"}}
 * }</pre>
 *
 * <p>Written by hand in a fixed key order (so the bytes are stable) and read back with protobuf's
 * JSON parser.
 */
public final class TruthLines {
  private TruthLines() {}

  /** One article's truth as a single line of JSON (no line break). */
  public static String format(ArticleTruth truth) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"id\":")
        .append(quoted(truth.id().value()))
        .append(",\"quality\":\"")
        .append(truth.quality().name())
        .append('"')
        .append(",\"windowStart\":\"")
        .append(truth.window().start())
        .append('"')
        .append(",\"windowEnd\":\"")
        .append(truth.window().end())
        .append('"')
        .append(",\"language\":")
        .append(quoted(truth.language()))
        .append(",\"publisher\":")
        .append(quoted(truth.publisherId()))
        .append(",\"images\":")
        .append(truth.images())
        .append(",\"impressions\":")
        .append(truth.impressions())
        .append(",\"underExposed\":")
        .append(truth.underExposed())
        .append(",\"signals\":{");
    boolean first = true;
    for (Channel channel : Channel.values()) {
      QualityClass look = truth.signals().get(channel);
      if (look != null) {
        out.append(first ? "" : ",")
            .append('"')
            .append(channel.key())
            .append("\":\"")
            .append(look.name())
            .append('"');
        first = false;
      }
    }
    return out.append("}}").toString();
  }

  /**
   * Parses one line written by {@link #format}.
   *
   * @throws IllegalArgumentException if the line is not such an object
   */
  public static ArticleTruth parse(String line) {
    Struct.Builder builder = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(line, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a truth line: " + e.getMessage(), e);
    }
    Map<String, Value> fields = builder.build().getFieldsMap();
    Map<Channel, QualityClass> signals = new EnumMap<>(Channel.class);
    field(fields, "signals")
        .getStructValue()
        .getFieldsMap()
        .forEach(
            (key, value) ->
                signals.put(Channel.ofKey(key), QualityClass.valueOf(value.getStringValue())));
    return new ArticleTruth(
        ResourceId.of(text(fields, "id")),
        QualityClass.valueOf(text(fields, "quality")),
        new TimeWindow(
            Instant.parse(text(fields, "windowStart")), Instant.parse(text(fields, "windowEnd"))),
        text(fields, "language"),
        text(fields, "publisher"),
        (int) field(fields, "images").getNumberValue(),
        (long) field(fields, "impressions").getNumberValue(),
        field(fields, "underExposed").getBoolValue(),
        signals);
  }

  /** Every line of a truth file, in order; blank lines are skipped. */
  public static List<ArticleTruth> read(BufferedReader reader) throws IOException {
    List<ArticleTruth> truths = new ArrayList<>();
    long number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        truths.add(parse(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("truth line " + number + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(truths);
  }

  private static Value field(Map<String, Value> fields, String name) {
    Value value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("truth line has no " + name);
    }
    return value;
  }

  private static String text(Map<String, Value> fields, String name) {
    return field(fields, name).getStringValue();
  }

  /** A JSON string literal; escapes quotes, backslashes and control characters. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
