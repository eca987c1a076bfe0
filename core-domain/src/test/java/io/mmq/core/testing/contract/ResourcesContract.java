package io.mmq.core.testing.contract;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.resource.port.out.Resources.UpsertResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Resources}, run against every implementation (the in-memory fake, H2,
 * PostgreSQL): atomic idempotent upserts, exact round trips, lookups.
 */
public abstract class ResourcesContract {
  private Resources resources;

  /** A new, empty repository. Called before each test. */
  protected abstract Resources newResources();

  @BeforeEach
  void createRepository() {
    resources = newResources();
  }

  /** A resource using every field: each block kind, image bytes and embeddings, odd values. */
  public static Resource richResource(String id) {
    byte[] everyByte = new byte[256];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = (byte) i;
    }
    return aResource()
        .withId(id)
        .withTitle("Über 漢字 \"quoted\" 😀 and a lone \uD800 surrogate")
        .withTags("news", "ökonomie", "")
        .withBlocks(
            new ContentBlock.Heading("A heading"),
            new ContentBlock.Paragraph(
                "First paragraph.\nSecond line\twith a tab and a NUL \u0000."),
            new ContentBlock.Quote("A quote"),
            new ContentBlock.ListItem("An item"),
            new ContentBlock.Image(
                new ImageContent(
                    everyByte, new float[] {0.25f, -0.0f, Float.MIN_VALUE, 3.4e38f}, "a caption")),
            new ContentBlock.Image(ImageContent.ofEmbedding(new float[] {1f, -2f})),
            new ContentBlock.Video(12.5))
        .withPublisher(
            new Publisher("pub-1", 3, 120_000, 0.75, 0.5, 400, Map.of("posts_per_day", 2.5)))
        .publishedAt("2016-06-24T10:15:30.123456789Z")
        .withLanguage("de")
        .withSource("feed-7")
        .withNumeric("word_count", 812.0)
        .withNumeric("negative_zero", -0.0)
        .withNumeric("tiny", 4.9e-324)
        .withCategorical("section", "politics")
        .withCategorical("région", "Île-de-France")
        .build();
  }

  @Test
  void anEmptyRepositoryHoldsNothing() {
    assertThat(resources.count()).isZero();
    assertThat(resources.find(ResourceId.of("a-1"))).isEmpty();
    assertThat(resources.findAll(List.of(ResourceId.of("a-1")))).isEmpty();
  }

  @Test
  void storesNewResourcesAndReadsThemBackEqual() {
    Resource rich = richResource("a-1");
    Resource plain = Resource.titled(ResourceId.of("a-2"), "Plain");

    UpsertResult result = resources.upsertAll(List.of(rich, plain));

    assertThat(result).isEqualTo(new UpsertResult(2, 0, 0));
    assertThat(resources.count()).isEqualTo(2);
    assertThat(resources.find(ResourceId.of("a-1"))).contains(rich);
    assertThat(resources.find(ResourceId.of("a-2"))).contains(plain);
  }

  @Test
  void imageBytesAndEmbeddingsComeBackBitForBit() {
    resources.upsertAll(List.of(richResource("a-1")));

    List<ImageContent> images = resources.find(ResourceId.of("a-1")).orElseThrow().images();

    assertThat(images).hasSize(2);
    assertThat(images.get(0).data())
        .hasSize(256)
        .startsWith((byte) 0, (byte) 1)
        .endsWith((byte) 255);
    assertThat(Float.floatToRawIntBits(images.get(0).embedding()[1]))
        .isEqualTo(Float.floatToRawIntBits(-0.0f));
    assertThat(images.get(0).caption()).isEqualTo("a caption");
    assertThat(images.get(1).hasData()).isFalse();
    assertThat(images.get(1).embedding()).containsExactly(1f, -2f);
  }

  @Test
  void storingTheSameResourcesAgainChangesNothing() {
    List<Resource> batch =
        List.of(richResource("a-1"), Resource.titled(ResourceId.of("a-2"), "Plain"));
    resources.upsertAll(batch);

    UpsertResult again = resources.upsertAll(batch);

    assertThat(again).isEqualTo(new UpsertResult(0, 0, 2));
    assertThat(resources.count()).isEqualTo(2);
    assertThat(resources.find(ResourceId.of("a-1"))).contains(batch.get(0));
  }

  @Test
  void countsNewChangedAndUnchangedResources() {
    resources.upsertAll(
        List.of(
            aResource().withId("a-1").withTitle("Old").build(), aResource().withId("a-2").build()));

    UpsertResult result =
        resources.upsertAll(
            List.of(
                aResource().withId("a-1").withTitle("New").build(),
                aResource().withId("a-2").build(),
                aResource().withId("a-3").build()));

    assertThat(result).isEqualTo(new UpsertResult(1, 1, 1));
    assertThat(resources.find(ResourceId.of("a-1")).orElseThrow().title()).isEqualTo("New");
    assertThat(resources.count()).isEqualTo(3);
  }

  @Test
  void aLaterResourceWithTheSameIdInOneBatchCountsAgainstTheEarlierOne() {
    Resource first = aResource().withId("a-1").withTitle("First").build();
    Resource second = aResource().withId("a-1").withTitle("Second").build();

    UpsertResult result = resources.upsertAll(List.of(first, second, second));

    assertThat(result).isEqualTo(new UpsertResult(1, 1, 1));
    assertThat(resources.find(ResourceId.of("a-1"))).contains(second);
    assertThat(resources.count()).isEqualTo(1);
  }

  @Test
  void aBatchWithANullEntryStoresNothing() {
    List<Resource> batch = new ArrayList<>(List.of(aResource().withId("a-1").build()));
    batch.add(null);

    assertThatThrownBy(() -> resources.upsertAll(batch))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("resources[1]");
    assertThat(resources.count()).isZero();
  }

  @Test
  void anEmptyBatchChangesNothing() {
    assertThat(resources.upsertAll(List.of())).isEqualTo(new UpsertResult(0, 0, 0));
    assertThat(resources.count()).isZero();
  }

  @Test
  void findAllSkipsUnknownIdsAndReturnsEachResourceOnce() {
    resources.upsertAll(
        List.of(aResource().withId("a-1").build(), aResource().withId("a-2").build()));

    List<Resource> found =
        resources.findAll(
            List.of(
                ResourceId.of("a-1"),
                ResourceId.of("x-9"),
                ResourceId.of("a-1"),
                ResourceId.of("a-2")));

    assertThat(found)
        .extracting(Resource::id)
        .containsExactlyInAnyOrder(ResourceId.of("a-1"), ResourceId.of("a-2"));
  }

  @Test
  void largeBatchesAreStoredAndFoundWhole() {
    List<Resource> batch = new ArrayList<>();
    List<ResourceId> ids = new ArrayList<>();
    for (int i = 0; i < 2_345; i++) {
      batch.add(aResource().withId(String.format("r-%05d", i)).withTitle("Title " + i).build());
      ids.add(ResourceId.of(String.format("r-%05d", i)));
    }

    assertThat(resources.upsertAll(batch)).isEqualTo(new UpsertResult(2_345, 0, 0));
    List<Resource> found = resources.findAll(ids);

    assertThat(resources.count()).isEqualTo(2_345);
    assertThat(found).hasSize(2_345);
    assertThat(found).containsExactlyInAnyOrderElementsOf(batch);
    assertThat(resources.upsertAll(batch)).isEqualTo(new UpsertResult(0, 0, 2_345));
  }

  @Test
  void aChangeOnlyInImageBytesIsAnUpdate() {
    Resource before = aResource().withId("a-1").withImage(new byte[] {1, 2, 3}).build();
    byte[] changed = {1, 2, 4};
    Resource after = aResource().withId("a-1").withImage(changed).build();
    resources.upsertAll(List.of(before));

    assertThat(resources.upsertAll(List.of(after))).isEqualTo(new UpsertResult(0, 1, 0));
    assertThat(resources.find(ResourceId.of("a-1")).orElseThrow().images().get(0).data())
        .satisfies(data -> assertThat(Arrays.equals(data, changed)).isTrue());
  }
}
