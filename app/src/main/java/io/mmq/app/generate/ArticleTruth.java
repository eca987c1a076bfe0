package io.mmq.app.generate;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the generator planted in one article, hidden from the service: its quality, its window, its
 * language and publisher, how many images it has, whether its engagement is under-exposed, and for
 * each channel whether that channel looks {@code HIGH} or {@code LOW} (a channel agrees with the
 * quality only with the configured fidelity). {@link Channel#IMAGES} is absent when the article has
 * no image.
 */
public record ArticleTruth(
    ResourceId id,
    QualityClass quality,
    TimeWindow window,
    String language,
    String publisherId,
    int images,
    long impressions,
    boolean underExposed,
    Map<Channel, QualityClass> signals) {

  public ArticleTruth {
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(quality, "quality is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(language, "language is null");
    Objects.requireNonNull(publisherId, "publisherId is null");
    if (images < 0 || impressions < 0) {
      throw new IllegalArgumentException("images and impressions must not be negative");
    }
    Objects.requireNonNull(signals, "signals is null");
    signals = signals.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(signals));
    if ((images > 0) != signals.containsKey(Channel.IMAGES)) {
      throw new IllegalArgumentException("signals must hold images exactly when images > 0");
    }
  }

  /** How many channels agree with the hidden quality. */
  public int agreeingChannels() {
    return (int) signals.values().stream().filter(quality::equals).count();
  }
}
