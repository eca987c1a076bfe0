package io.mmq.persistence;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.testing.contract.ResourcesContract;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResourceCodecTest {

  @Test
  void everyFieldRoundTrips() {
    Resource rich = ResourcesContract.richResource("a-1");

    assertThat(ResourceCodec.decode(ResourceCodec.encode(rich))).isEqualTo(rich);
  }

  @Test
  void aMinimalResourceEncodesToAFewDozenBytes() {
    // version 1 + id (4 + 1) + title (4 + 1) + no tags, no blocks (4 + 4) + unknown publisher
    // (4 + 4 + 8 + 8 + 8 + 4 + 4) + no publish time (1) + language, source (4 + 4)
    // + no attributes (4 + 4) = 76 bytes
    byte[] encoded = ResourceCodec.encode(Resource.titled(ResourceId.of("a"), "T"));

    assertThat(encoded).hasSize(76);
    assertThat(encoded[0]).isEqualTo(ResourceCodec.VERSION);
  }

  @Test
  void equalResourcesEncodeEquallyWhateverTheirMapOrder() {
    Resource one =
        aResource()
            .withNumeric("a", 1)
            .withNumeric("b", 2)
            .withCategorical("x", "1")
            .withCategorical("y", "2")
            .build();
    Resource other =
        aResource()
            .withNumeric("b", 2)
            .withNumeric("a", 1)
            .withCategorical("y", "2")
            .withCategorical("x", "1")
            .build();

    assertThat(ResourceCodec.encode(one)).isEqualTo(ResourceCodec.encode(other));
    assertThat(ResourceCodec.hash(ResourceCodec.encode(one)))
        .isEqualTo(ResourceCodec.hash(ResourceCodec.encode(other)));
  }

  @Test
  void aChangedResourceHasAnotherHash() {
    String before = ResourceCodec.hash(ResourceCodec.encode(aResource().withTitle("A").build()));
    String after = ResourceCodec.hash(ResourceCodec.encode(aResource().withTitle("B").build()));

    assertThat(before).hasSize(64).isNotEqualTo(after);
  }

  @Test
  void longTextsAndLargeImagesRoundTrip() {
    byte[] image = new byte[3_000_000];
    Arrays.fill(image, (byte) 0x5a);
    Resource large =
        aResource()
            .withBlocks(new ContentBlock.Paragraph("ü".repeat(Resource.MAX_BLOCK_TEXT_LENGTH)))
            .withImage(image)
            .build();

    assertThat(ResourceCodec.decode(ResourceCodec.encode(large))).isEqualTo(large);
  }

  @Test
  void unknownVersionsAndDamagedBytesAreRejectedClearly() {
    byte[] encoded = ResourceCodec.encode(aResource().build());
    byte[] futureVersion = encoded.clone();
    futureVersion[0] = 2;
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 3);
    byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);

    assertThatThrownBy(() -> ResourceCodec.decode(futureVersion))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoding version 2");
    assertThatThrownBy(() -> ResourceCodec.decode(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(".*(truncated|impossible length).*");
    assertThatThrownBy(() -> ResourceCodec.decode(trailing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 bytes after its end");
  }
}
