package io.mmq.grpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Resource;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  private static final String R17_RESOURCE =
      """
      {"id":"a-1","title":"Hello","tags":["news"],\
      "blocks":[{"paragraph":{"text":"First."}},{"heading":{"text":"H"}},\
      {"image":{"data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC","embedding":[0.1,0.2],"caption":"cap"}},\
      {"quote":{"text":"q"}},{"listItem":{"text":"li"}},{"video":{"durationSeconds":30}}],\
      "publisher":{"id":"p-9","level":3,"followers":1200,"verticality":0.8,"authority":0.5,\
      "ageDays":700,"attributes":{"any":1.0}},\
      "publishedAt":"2016-06-24T03:48:00Z","language":"en","source":"bbc.co.uk",\
      "numericAttributes":{"any":1.0},"categoricalAttributes":{"any":"x"}}""";

  private static final String R17_ENGAGEMENT =
      """
      {"resourceId":"a-1","windowStart":"2016-06-24T00:00:00Z",\
      "windowEnd":"2016-06-25T00:00:00Z","impressions":5000,"metrics":{"ctr":0.031,"dwell":41.5}}""";

  @Test
  void readsTheSpecExampleResource() {
    List<JsonLines.Line<Resource>> lines = resources(R17_RESOURCE);

    assertThat(lines).singleElement().isInstanceOf(JsonLines.Parsed.class);
    Resource resource = ((JsonLines.Parsed<Resource>) lines.get(0)).value();
    assertThat(resource.id().value()).isEqualTo("a-1");
    assertThat(resource.blocks())
        .extracting(ContentBlock::kind)
        .containsExactly(
            ContentBlock.Kind.PARAGRAPH, ContentBlock.Kind.HEADING, ContentBlock.Kind.IMAGE,
            ContentBlock.Kind.QUOTE, ContentBlock.Kind.LIST_ITEM, ContentBlock.Kind.VIDEO);
    assertThat(resource.publisher().followers()).isEqualTo(1200);
    assertThat(resource.publishedAt()).contains(Instant.parse("2016-06-24T03:48:00Z"));
    assertThat(resource.images().get(0).embedding()).containsExactly(0.1f, 0.2f);
  }

  @Test
  void readsTheSpecExampleEngagementAndRoundTrips() {
    List<JsonLines.Line<EngagementRecord>> lines = new ArrayList<>();
    JsonLines.readEngagement(reader(R17_ENGAGEMENT), lines::add);

    EngagementRecord record = ((JsonLines.Parsed<EngagementRecord>) lines.get(0)).value();
    assertThat(record.impressions()).hasValue(5000);
    assertThat(record.metrics()).containsEntry("ctr", 0.031);
    assertThat(EngagementMapper.toDomain(EngagementMapper.toProto(record))).isEqualTo(record);
  }

  @Test
  void badLinesAreReportedWithNumberAndFieldAndTheRestIsRead() {
    String file =
        String.join(
            "\n",
            "{\"id\":\"ok-1\",\"title\":\"fine\"}",
            "{\"title\":\"no id\"}",
            "{\"id\":\"x\",\"blocks\":[{}]}",
            "{\"id\":\"x\",\"numericAttributes\":{\"a\":\"NaN\"}}",
            "{\"id\":\"x\",\"titel\":\"typo\"}",
            "not json",
            "",
            "{\"id\":\"ok-2\",\"title\":\"fine too\"}");

    List<JsonLines.Line<Resource>> lines = resources(file);

    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isInstanceOf(JsonLines.Parsed.class);
    assertThat(rejected(lines.get(1))).extracting(JsonLines.Rejected::number, JsonLines.Rejected::fieldPath)
        .containsExactly(2L, "id");
    assertThat(rejected(lines.get(2)).fieldPath()).isEqualTo("blocks[0]");
    assertThat(rejected(lines.get(3)).fieldPath()).isEqualTo("numericAttributes[\"a\"]");
    assertThat(rejected(lines.get(4)).fieldPath()).isEqualTo("titel");
    assertThat(rejected(lines.get(5)).number()).isEqualTo(6);
    assertThat(lines.get(6)).isInstanceOf(JsonLines.Parsed.class);
    assertThat(lines.get(6).number()).isEqualTo(8);
  }

  @Test
  void engagementRulesNameTheirFields() {
    assertThat(engagementError("{\"resourceId\":\"a\",\"windowStart\":\"2016-06-25T00:00:00Z\",\"windowEnd\":\"2016-06-24T00:00:00Z\"}"))
        .isEqualTo("windowEnd");
    assertThat(engagementError("{\"resourceId\":\"a\",\"windowStart\":\"2016-06-24T00:00:00Z\",\"windowEnd\":\"2016-06-25T00:00:00Z\",\"impressions\":-1}"))
        .isEqualTo("impressions");
    assertThat(engagementError("{\"resourceId\":\"a\",\"windowStart\":\"2016-06-24T00:00:00Z\",\"windowEnd\":\"2016-06-25T00:00:00Z\",\"metrics\":{\"ctr\":\"Infinity\"}}"))
        .isEqualTo("metrics[\"ctr\"]");
    assertThat(engagementError("{\"windowStart\":\"2016-06-24T00:00:00Z\",\"windowEnd\":\"2016-06-25T00:00:00Z\"}"))
        .isEqualTo("resourceId");
  }

  @Test
  void resourceRoundTripsThroughTheWireShape() {
    Resource resource = ((JsonLines.Parsed<Resource>) resources(R17_RESOURCE).get(0)).value();

    assertThat(ResourceMapper.toDomain(ResourceMapper.toProto(resource))).isEqualTo(resource);
  }

  @Test
  void oversizedTitleIsMarkedOversized() {
    var proto = io.mmq.proto.v1.Resource.newBuilder().setId("a").setTitle("x".repeat(Resource.MAX_TITLE_LENGTH + 1)).build();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceMapper.toDomain(proto))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.fieldPath()).isEqualTo("title");
          assertThat(e.isOversized()).isTrue();
        });
  }

  private static String engagementError(String json) {
    List<JsonLines.Line<EngagementRecord>> lines = new ArrayList<>();
    JsonLines.readEngagement(reader(json), lines::add);
    return rejected(lines.get(0)).fieldPath();
  }

  private static <T> JsonLines.Rejected<T> rejected(JsonLines.Line<T> line) {
    assertThat(line).isInstanceOf(JsonLines.Rejected.class);
    return (JsonLines.Rejected<T>) line;
  }

  private static List<JsonLines.Line<Resource>> resources(String text) {
    List<JsonLines.Line<Resource>> lines = new ArrayList<>();
    JsonLines.readResources(reader(text), lines::add);
    return lines;
  }

  private static BufferedReader reader(String text) {
    return new BufferedReader(new StringReader(text));
  }
}
