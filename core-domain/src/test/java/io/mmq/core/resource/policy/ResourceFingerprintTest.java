package io.mmq.core.resource.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ResourceFingerprintTest {

  /** Every field of a resource, set to a base value, so that each can be changed on its own. */
  private static final class Draft {
    String id = "a-1";
    String title = "title";
    List<String> tags = List.of("ab", "c");
    List<ContentBlock> blocks =
        new ArrayList<>(
            List.of(
                new ContentBlock.Paragraph("para"),
                new ContentBlock.Heading("head"),
                image(new byte[] {1, 2}, new float[] {0.5f}, "cap"),
                new ContentBlock.Video(30)));
    String publisherId = "p-9";
    int level = 3;
    long followers = 1200;
    double verticality = 0.8;
    double authority = 0.5;
    int ageDays = 700;
    Map<String, Double> publisherAttributes = Map.of("x", 1.0, "y", 2.0);
    Optional<Instant> publishedAt = Optional.of(Instant.parse("2016-06-24T03:48:00Z"));
    String language = "en";
    String source = "bbc";
    Map<String, Double> numeric = Map.of("n1", 1.0, "n2", 2.0);
    Map<String, String> categorical = Map.of("k1", "v1", "k2", "v2");

    Resource toResource() {
      return new Resource(
          ResourceId.of(id),
          title,
          tags,
          blocks,
          new Publisher(
              publisherId, level, followers, verticality, authority, ageDays, publisherAttributes),
          publishedAt,
          language,
          source,
          numeric,
          categorical);
    }

    static ResourceFingerprint fingerprint(Consumer<Draft> change) {
      Draft draft = new Draft();
      change.accept(draft);
      return ResourceFingerprint.of(draft.toResource());
    }
  }

  private static ContentBlock.Image image(byte[] data, float[] embedding, String caption) {
    return new ContentBlock.Image(new ImageContent(data, embedding, caption));
  }

  @Test
  void equalResourcesHashEqualWhateverTheMapInsertionOrder() {
    ResourceFingerprint fingerprint = Draft.fingerprint(draft -> {});

    ResourceFingerprint reordered =
        Draft.fingerprint(
            draft -> {
              Map<String, Double> numeric = new LinkedHashMap<>();
              numeric.put("n2", 2.0);
              numeric.put("n1", 1.0);
              draft.numeric = numeric;
              Map<String, String> categorical = new LinkedHashMap<>();
              categorical.put("k2", "v2");
              categorical.put("k1", "v1");
              draft.categorical = categorical;
              draft.publisherAttributes = Map.of("y", 2.0, "x", 1.0);
            });

    assertThat(reordered).isEqualTo(fingerprint);
    assertThat(fingerprint.hex()).matches("[0-9a-f]{64}");
    assertThat(fingerprint).hasToString(fingerprint.hex());
  }

  @Test
  void changingAnyFieldChangesTheHash() {
    List<Consumer<Draft>> changes =
        List.of(
            d -> d.id = "a-2",
            d -> d.title = "Title",
            d -> d.tags = List.of("a", "bc"), // same characters, other split
            d -> d.tags = List.of("c", "ab"), // same tags, other order
            d -> d.blocks.set(0, new ContentBlock.Paragraph("Para")),
            d -> d.blocks.set(0, new ContentBlock.Quote("para")), // same text, other kind
            d -> d.blocks.set(1, new ContentBlock.ListItem("head")),
            d -> d.blocks.set(2, image(new byte[] {1, 3}, new float[] {0.5f}, "cap")),
            d -> d.blocks.set(2, image(new byte[] {1, 2}, new float[] {0.25f}, "cap")),
            d -> d.blocks.set(2, image(new byte[] {1, 2}, new float[] {0.5f}, "Cap")),
            d -> d.blocks.set(3, new ContentBlock.Video(31)),
            d -> d.blocks.remove(3),
            d -> d.publisherId = "p-8",
            d -> d.level = 4,
            d -> d.followers = 1201,
            d -> d.verticality = 0.7,
            d -> d.authority = 0.6,
            d -> d.ageDays = 701,
            d -> d.publisherAttributes = Map.of("x", 1.0, "y", 3.0),
            d -> d.publishedAt = Optional.empty(),
            d -> d.publishedAt = Optional.of(Instant.parse("2016-06-24T03:48:00.000000001Z")),
            d -> d.language = "zh",
            d -> d.source = "cnn",
            d -> d.numeric = Map.of("n1", 1.0, "n2", 2.5),
            d -> d.numeric = Map.of("n1", 1.0, "n3", 2.0),
            d -> d.categorical = Map.of("k1", "v1", "k2", "v3"),
            d -> { // the same strings moved between fields
              d.language = "bbc";
              d.source = "en";
            });

    List<ResourceFingerprint> fingerprints = new ArrayList<>();
    fingerprints.add(Draft.fingerprint(draft -> {}));
    changes.forEach(change -> fingerprints.add(Draft.fingerprint(change)));

    assertThat(fingerprints).hasSize(changes.size() + 1).doesNotHaveDuplicates();
  }

  @Test
  void fingerprintMustBeSixtyFourLowerCaseHexDigits() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ResourceFingerprint("ABC"))
        .withMessage("fingerprint must be 64 lower-case hex digits: ABC");
  }
}
