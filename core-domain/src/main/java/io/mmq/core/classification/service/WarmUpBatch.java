package io.mmq.core.classification.service;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Publisher;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small batch a newly loaded model predicts before it takes traffic, so that the first real
 * call does not pay the model's first-run costs (graph optimisation, buffer allocation): a few
 * synthetic text resources of different lengths, with and without a known publisher.
 */
public final class WarmUpBatch {
  private static final String SENTENCE =
      "A short paragraph of plain words that every model can read before it serves. ";

  private WarmUpBatch() {}

  /** {@code size} synthetic resources, ids {@code mmq-warm-up-0...}. */
  public static List<Resource> synthetic(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1, was " + size);
    }
    List<Resource> batch = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      List<ContentBlock> blocks = new ArrayList<>();
      blocks.add(new ContentBlock.Heading("Warm-up section " + i));
      for (int p = 0; p <= i % 4; p++) {
        blocks.add(new ContentBlock.Paragraph(SENTENCE.repeat(1 + i % 3)));
      }
      if (i % 2 == 1) {
        blocks.add(new ContentBlock.Quote("A quoted line."));
        blocks.add(new ContentBlock.ListItem("A listed point."));
      }
      Publisher publisher =
          i % 2 == 0
              ? Publisher.UNKNOWN
              : new Publisher("mmq-warm-up-publisher", 1, 1_000L * i, 0.5, 0.5, 100, Map.of());
      batch.add(
          new Resource(
              ResourceId.of("mmq-warm-up-" + i),
              "Warm-up article number " + i,
              List.of("warm-up", "tag" + i),
              blocks,
              publisher,
              Optional.of(Instant.EPOCH.plusSeconds(86_400L * i)),
              "en",
              "warm-up",
              Map.of(),
              Map.of()));
    }
    return List.copyOf(batch);
  }
}
