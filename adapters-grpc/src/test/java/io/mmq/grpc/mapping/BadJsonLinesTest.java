package io.mmq.grpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R20 for the JSON Lines exchange format ({@code mmq import}, {@code mmq tasks set}): one row per
 * malformed line, each with the answer it must get: rejected, oversized or not, at the exact field
 * path, with a message fragment. A file of bad lines around a good one keeps the good one only.
 * The limits are lowered from the defaults (title 200 characters, images 1,000,000 pixels and 2,000
 * px a side) to show that the configured values are the ones enforced.
 */
class BadJsonLinesTest {
  static final RequestLimits LIMITS = new RequestLimits(200, 5_000, 64 * 1024, 1_000_000, 2_000, 50);

  private static final String INVALID = "INVALID_ARGUMENT";
  private static final String OVERSIZED = "RESOURCE_EXHAUSTED";
  private static final String WINDOW =
      "\"windowStart\":\"2016-06-24T00:00:00Z\",\"windowEnd\":\"2016-06-25T00:00:00Z\"";

  /** One malformed line of a kind of file, and the rejection it must get. */
  record Row(Kind kind, String line, String code, String field, String fragment) {}

  enum Kind {
    RESOURCE,
    ENGAGEMENT,
    TASK_SET
  }

  static Stream<Named<Row>> rows() {
    return Stream.of(
        row("resource: missing id", Kind.RESOURCE, "{\"title\":\"no id\"}", INVALID, "id", "is required"),
        row("resource: blank id", Kind.RESOURCE, "{\"id\":\"  \"}", INVALID, "id", "is required"),
        row("resource: id over 256 characters", Kind.RESOURCE, "{\"id\":\"" + "x".repeat(257) + "\"}", INVALID, "id", "256"),
        row("resource: NaN numeric attribute", Kind.RESOURCE, "{\"id\":\"a\",\"numericAttributes\":{\"x\":\"NaN\"}}", INVALID, "numericAttributes[\"x\"]", "finite"),
        row("resource: infinite publisher attribute", Kind.RESOURCE, "{\"id\":\"a\",\"publisher\":{\"id\":\"p\",\"attributes\":{\"y\":\"-Infinity\"}}}", INVALID, "publisher.attributes[\"y\"]", "finite"),
        row("resource: negative followers", Kind.RESOURCE, "{\"id\":\"a\",\"publisher\":{\"id\":\"p\",\"followers\":-5}}", INVALID, "publisher.followers", "negative"),
        row("resource: authority above 1", Kind.RESOURCE, "{\"id\":\"a\",\"publisher\":{\"id\":\"p\",\"authority\":1.5}}", INVALID, "publisher.authority", "[0, 1]"),
        row("resource: unknown field", Kind.RESOURCE, "{\"id\":\"a\",\"titel\":\"typo\"}", INVALID, "titel", "Cannot find field"),
        row("resource: unknown field inside a block", Kind.RESOURCE, "{\"id\":\"a\",\"blocks\":[{\"paragraph\":{\"text\":\"x\"}},{\"image\":{\"url\":\"http://x\"}}]}", INVALID, "blocks[1].image.url", "Cannot find field"),
        row("resource: string where a list is expected", Kind.RESOURCE, "{\"id\":\"a\",\"tags\":\"news\"}", INVALID, "tags", "not valid JSON"),
        row("resource: object where a string is expected", Kind.RESOURCE, "{\"id\":\"a\",\"title\":{\"x\":1}}", INVALID, "title", "not valid JSON"),
        row("resource: bad base64 image data", Kind.RESOURCE, "{\"id\":\"a\",\"blocks\":[{\"image\":{\"data\":\"@@not base64@@\"}}]}", INVALID, "blocks[0].image.data", "base64"),
        row("resource: image bytes that are no JPEG or PNG", Kind.RESOURCE, image("a", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8)), INVALID, "blocks[0].image.data", "not a decodable JPEG or PNG"),
        row("resource: decompression bomb (50000 x 50000 header)", Kind.RESOURCE, image("a", Images.pngHeader(50_000, 50_000)), OVERSIZED, "blocks[0].image.data", "at most 2000 pixels per side"),
        row("resource: image over limits.max-image-pixels", Kind.RESOURCE, image("a", Images.pngHeader(1_500, 1_000)), OVERSIZED, "blocks[0].image.data", "1500000 pixels; at most 1000000"),
        row("resource: image over limits.max-image-bytes", Kind.RESOURCE, image("a", new byte[64 * 1024 + 1]), OVERSIZED, "blocks[0].image.data", "at most 65536 allowed"),
        row("resource: title over limits.max-title-chars", Kind.RESOURCE, "{\"id\":\"a\",\"title\":\"" + "t".repeat(201) + "\"}", OVERSIZED, "title", "201 characters; at most 200"),
        row("resource: paragraph over limits.max-block-text-chars", Kind.RESOURCE, "{\"id\":\"a\",\"blocks\":[{\"paragraph\":{\"text\":\"" + "p".repeat(5_001) + "\"}}]}", OVERSIZED, "blocks[0].paragraph.text", "at most 5000"),
        row("resource: empty block", Kind.RESOURCE, "{\"id\":\"a\",\"blocks\":[{}]}", INVALID, "blocks[0]", "a block needs one of"),
        row("resource: negative video duration", Kind.RESOURCE, "{\"id\":\"a\",\"blocks\":[{\"video\":{\"durationSeconds\":-1}}]}", INVALID, "blocks[0].video.durationSeconds", ">= 0"),
        row("resource: malformed timestamp", Kind.RESOURCE, "{\"id\":\"a\",\"publishedAt\":\"yesterday\"}", INVALID, "publishedAt", "not valid JSON"),
        row("resource: not JSON at all", Kind.RESOURCE, "id=a", INVALID, "", "not valid JSON"),
        row("resource: a JSON array", Kind.RESOURCE, "[1,2]", INVALID, "", "not valid JSON"),
        row("engagement: missing resourceId", Kind.ENGAGEMENT, "{" + WINDOW + ",\"impressions\":10}", INVALID, "resourceId", "is required"),
        row("engagement: NaN metric", Kind.ENGAGEMENT, "{\"resourceId\":\"a\"," + WINDOW + ",\"metrics\":{\"ctr\":\"NaN\"}}", INVALID, "metrics[\"ctr\"]", "finite"),
        row("engagement: infinite metric", Kind.ENGAGEMENT, "{\"resourceId\":\"a\"," + WINDOW + ",\"metrics\":{\"ctr\":\"Infinity\"}}", INVALID, "metrics[\"ctr\"]", "finite"),
        row("engagement: negative metric", Kind.ENGAGEMENT, "{\"resourceId\":\"a\"," + WINDOW + ",\"metrics\":{\"dwell\":-3}}", INVALID, "metrics[\"dwell\"]", "negative"),
        row("engagement: negative impressions", Kind.ENGAGEMENT, "{\"resourceId\":\"a\"," + WINDOW + ",\"impressions\":-1}", INVALID, "impressions", "negative"),
        row("engagement: impressions beyond int64", Kind.ENGAGEMENT, "{\"resourceId\":\"a\"," + WINDOW + ",\"impressions\":99999999999999999999}", INVALID, "impressions", "not valid JSON"),
        row("engagement: windowEnd before windowStart", Kind.ENGAGEMENT, "{\"resourceId\":\"a\",\"windowStart\":\"2016-06-25T00:00:00Z\",\"windowEnd\":\"2016-06-24T00:00:00Z\"}", INVALID, "windowEnd", "must be after windowStart"),
        row("engagement: missing windowStart", Kind.ENGAGEMENT, "{\"resourceId\":\"a\",\"windowEnd\":\"2016-06-25T00:00:00Z\"}", INVALID, "windowStart", "is required"),
        row("engagement: unknown field", Kind.ENGAGEMENT, "{\"resourceId\":\"a\"," + WINDOW + ",\"clicks\":3}", INVALID, "clicks", "Cannot find field"),
        row("task set: empty", Kind.TASK_SET, "{\"tasks\":[]}", INVALID, "tasks", "at least one task"),
        row("task set: unknown direction", Kind.TASK_SET, "{\"tasks\":[{\"name\":\"ctr\",\"metric\":\"ctr\",\"direction\":\"SIDEWAYS\"}]}", INVALID, "tasks[0].direction", "SIDEWAYS"),
        row("task set: unspecified direction", Kind.TASK_SET, "{\"tasks\":[{\"name\":\"ctr\",\"metric\":\"ctr\"}]}", INVALID, "tasks[0].direction", "HIGHER_IS_BETTER or LOWER_IS_BETTER"),
        row("task set: unknown reference", Kind.TASK_SET, "{\"tasks\":[{\"name\":\"ctr\",\"metric\":\"ctr\",\"direction\":\"HIGHER_IS_BETTER\",\"reference\":\"MODE\"}]}", INVALID, "tasks[0].reference", "MODE"),
        row("task set: duplicate task names", Kind.TASK_SET, "{\"tasks\":[" + task("ctr") + "," + task("ctr") + "]}", INVALID, "tasks[1].name", "appears twice"),
        row("task set: negative minImpressions", Kind.TASK_SET, "{\"tasks\":[{\"name\":\"ctr\",\"metric\":\"ctr\",\"direction\":\"HIGHER_IS_BETTER\",\"minImpressions\":-1}]}", INVALID, "tasks[0].minImpressions", "negative"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachMalformedLineIsRejectedAtItsField(Row row) {
    Answer answer = read(row.kind(), row.line());

    assertThat(answer.code()).as(answer.toString()).isEqualTo(row.code());
    assertThat(answer.field()).as(answer.toString()).isEqualTo(row.field());
    assertThat(answer.message()).contains(row.fragment());
  }

  @Test
  void aFileOfBadLinesKeepsOnlyItsGoodLinesAndNumbersTheRest() {
    List<String> lines = new ArrayList<>();
    lines.add("{\"id\":\"good-1\",\"title\":\"fine\"}");
    rows()
        .map(Named::getPayload)
        .filter(row -> row.kind() == Kind.RESOURCE)
        .forEach(row -> lines.add(row.line()));
    lines.add(image("good-2", Images.png(4, 3)));
    List<JsonLines.Line<io.mmq.core.resource.model.Resource>> read = new ArrayList<>();

    JsonLines.readResources(reader(String.join("\n", lines)), LIMITS, read::add);

    assertThat(read).hasSize(lines.size());
    assertThat(read)
        .filteredOn(line -> line instanceof JsonLines.Parsed)
        .extracting(line -> ((JsonLines.Parsed<io.mmq.core.resource.model.Resource>) line).value().id().value())
        .containsExactly("good-1", "good-2");
    assertThat(read)
        .filteredOn(line -> line instanceof JsonLines.Rejected)
        .extracting(JsonLines.Line::number)
        .containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(2, lines.size() - 1).boxed().toList());
  }

  /** What a line got: the code it maps to, the field path and the message. */
  record Answer(String code, String field, String message) {}

  private static Answer read(Kind kind, String line) {
    return switch (kind) {
      case RESOURCE ->
          BadJsonLinesTest.<io.mmq.core.resource.model.Resource>first(
              (reader, sink) -> JsonLines.readResources(reader, LIMITS, sink), line);
      case ENGAGEMENT ->
          BadJsonLinesTest.<io.mmq.core.engagement.model.EngagementRecord>first(
              JsonLines::readEngagement, line);
      case TASK_SET -> {
        try {
          TaskSetMapper.toDomain(JsonLines.parse(line, io.mmq.proto.v1.TaskSet::newBuilder));
          yield new Answer("OK", "", "");
        } catch (InvalidFieldException e) {
          yield new Answer(e.isOversized() ? OVERSIZED : INVALID, e.fieldPath(), e.reason());
        }
      }
    };
  }

  private static <T> Answer first(
      BiConsumer<BufferedReader, Consumer<JsonLines.Line<T>>> reader, String line) {
    List<JsonLines.Line<T>> lines = new ArrayList<>();
    reader.accept(reader(line), lines::add);
    assertThat(lines).hasSize(1);
    if (lines.get(0) instanceof JsonLines.Rejected<T> rejected) {
      return new Answer(
          rejected.oversized() ? OVERSIZED : INVALID, rejected.fieldPath(), rejected.message());
    }
    return new Answer("OK", "", "");
  }

  private static Named<Row> row(
      String name, Kind kind, String line, String code, String field, String fragment) {
    return Named.of(name, new Row(kind, line, code, field, fragment));
  }

  private static String image(String id, byte[] data) {
    return "{\"id\":\"" + id + "\",\"blocks\":[{\"image\":{\"data\":\""
        + Base64.getEncoder().encodeToString(data) + "\"}}]}";
  }

  private static String task(String name) {
    return "{\"name\":\"" + name + "\",\"metric\":\"" + name + "\",\"direction\":\"HIGHER_IS_BETTER\"}";
  }

  private static BufferedReader reader(String text) {
    return new BufferedReader(new StringReader(text));
  }
}
