package io.mmq.core.attribute.policy;

import static io.mmq.core.attribute.policy.AttributeFixtures.encode;
import static io.mmq.core.attribute.policy.AttributeFixtures.flat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.attribute.model.LayoutToken;
import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ContentBlock.Kind;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.awt.Color;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributeExtractorTest {

  private static Resource article(Publisher publisher, String language, String source) {
    return new Resource(
        ResourceId.of("a-1"),
        "Cats and dogs",
        List.of("pets"),
        List.of(
            new ContentBlock.Paragraph("Cats sleep. Dogs play!"),
            new ContentBlock.Image(ImageContent.ofBytes(encode(flat(20, 10, Color.GRAY), "png"))),
            new ContentBlock.Image(ImageContent.ofEmbedding(new float[] {0.1f, 0.2f})),
            new ContentBlock.Video(40)),
        publisher,
        Optional.of(Instant.parse("2016-06-24T03:48:00Z")),
        language,
        source,
        Map.of("wordCount", 4.0),
        Map.of("channel", "news", "empty", " "));
  }

  private static final Publisher PUBLISHER =
      new Publisher("p-9", 3, 1200, 0.8, 0.5, 700, Map.of("any", 1.0));

  @Test
  void atomicKeysAreFixedUniqueAndDocumentedInOrder() {
    assertThat(AttributeExtractor.ATOMIC_KEYS)
        .hasSize(6 + 6 + 9 + 8)
        .doesNotHaveDuplicates()
        .startsWith("account.known", "account.level", "account.followers_log")
        .contains("image.count", "image.embedding_share", "language.lexical_diversity")
        .endsWith("text.images_per_paragraph", "text.title_body_match");
  }

  @Test
  void everyFixedAtomicKeyIsPresentAndTheOthersAreNamespaced() {
    ResourceAttributes attributes = AttributeExtractor.standard().extract(article(PUBLISHER, "en", "bbc"));

    assertThat(attributes.atomic()).containsKeys(AttributeExtractor.ATOMIC_KEYS.toArray(String[]::new));
    var others = new HashSet<>(attributes.atomic().keySet());
    AttributeExtractor.ATOMIC_KEYS.forEach(others::remove);
    assertThat(others).containsExactlyInAnyOrder("account.attr.any", "extra.wordCount");
  }

  @Test
  void accountAttributesAreLogScaledWhereUnbounded() {
    Map<String, Double> atomic =
        AttributeExtractor.standard().extract(article(PUBLISHER, "en", "bbc")).atomic();

    assertThat(atomic)
        .containsEntry("account.known", 1.0)
        .containsEntry("account.level", 3.0)
        .containsEntry("account.verticality", 0.8)
        .containsEntry("account.authority", 0.5)
        .containsEntry("account.attr.any", 1.0)
        .containsEntry("extra.wordCount", 4.0);
    assertThat(atomic.get("account.followers_log")).isCloseTo(7.090910, within(1e-6)); // ln 1201
    assertThat(atomic.get("account.age_days_log")).isCloseTo(6.552508, within(1e-6)); // ln 701
  }

  @Test
  void unknownPublisherGivesZerosAndNoCategory() {
    ResourceAttributes attributes =
        AttributeExtractor.standard().extract(article(Publisher.UNKNOWN, "", ""));

    assertThat(attributes.atomic())
        .containsEntry("account.known", 0.0)
        .containsEntry("account.followers_log", 0.0)
        .containsEntry("account.age_days_log", 0.0);
    assertThat(attributes.categorical()).containsOnly(Map.entry("extra.channel", "news"));
  }

  @Test
  void imageSummaryAveragesOverImagesWithPixels() {
    Map<String, Double> atomic =
        AttributeExtractor.standard().extract(article(PUBLISHER, "en", "bbc")).atomic();

    assertThat(atomic)
        .containsEntry("image.count", 2.0)
        .containsEntry("image.embedding_share", 0.5)
        .containsEntry("image.mean_sharpness", 0.0)
        .containsEntry("image.mean_colourfulness", 0.0)
        .containsEntry("image.mean_aspect_ratio", 2.0);
    assertThat(atomic.get("image.mean_resolution_log")).isCloseTo(Math.log(201), within(1e-12));
  }

  @Test
  void categoricalAttributesAreNamedAndBlankOnesLeftOut() {
    ResourceAttributes attributes =
        AttributeExtractor.standard().extract(article(PUBLISHER, " EN ", "bbc.co.uk"));

    assertThat(attributes.categorical())
        .containsOnly(
            Map.entry("publisher", "p-9"),
            Map.entry("source", "bbc.co.uk"),
            Map.entry("language", "en"),
            Map.entry("extra.channel", "news"));
  }

  @Test
  void textImagesAndLayoutAreAssembled() {
    ResourceAttributes attributes = AttributeExtractor.standard().extract(article(PUBLISHER, "en", "bbc"));

    assertThat(attributes.text().title()).containsExactly("cats", "and", "dogs");
    assertThat(attributes.text().tags()).containsExactly("pets");
    assertThat(attributes.text().sentences()).containsExactly(List.of("cats", "sleep"), List.of("dogs", "play"));
    assertThat(attributes.images()).hasSize(2);
    assertThat(attributes.images().get(0).width()).isEqualTo(20);
    assertThat(attributes.images().get(1).hasPixels()).isFalse();
    assertThat(attributes.layout())
        .containsExactly(
            new LayoutToken(Kind.PARAGRAPH, 0),
            new LayoutToken(Kind.IMAGE, 0),
            new LayoutToken(Kind.IMAGE, 0),
            new LayoutToken(Kind.VIDEO, 1));
    assertThat(attributes.atomic())
        .containsEntry("text.title_body_match", 2.0 / 3)
        .containsEntry("language.exclamation_share", 0.5);
  }

  @Test
  void extractionIsDeterministic() {
    ResourceAttributes first = AttributeExtractor.standard().extract(article(PUBLISHER, "en", "bbc"));
    ResourceAttributes second = AttributeExtractor.standard().extract(article(PUBLISHER, "en", "bbc"));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void undecodableImageNamesItsBlock() {
    Resource resource =
        new Resource(
            ResourceId.of("a-2"),
            "t",
            List.of(),
            List.of(
                new ContentBlock.Paragraph("p"),
                new ContentBlock.Image(ImageContent.ofBytes(new byte[] {1, 2, 3}))),
            Publisher.UNKNOWN,
            Optional.empty(),
            "",
            "",
            Map.of(),
            Map.of());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> AttributeExtractor.standard().extract(resource))
        .withMessage("blocks[1].image: image bytes are not a decodable JPEG or PNG");
  }
}
