package io.mmq.app.generate;

import io.mmq.core.resource.model.Publisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fixed set of publishers of a corpus, half strong and half weak. Strong publishers have a
 * higher level, more followers, more authority, more verticality and older accounts, with ranges
 * that overlap the weak ones'; an article of a given quality comes from a publisher of the matching
 * strength with the configured signal fidelity.
 */
final class PublisherPool {
  /** A publisher, its site and whether it is one of the strong ones. */
  record Entry(Publisher publisher, String source, boolean strong) {
    Entry {
      Objects.requireNonNull(publisher, "publisher is null");
      Objects.requireNonNull(source, "source is null");
    }
  }

  private static final List<String> FIRST =
      List.of("daily", "evening", "northern", "metro", "global", "open", "civic", "bright");
  private static final List<String> SECOND =
      List.of("ledger", "courier", "review", "post", "wire", "gazette", "digest", "buzz");

  private final List<Entry> strong;
  private final List<Entry> weak;

  private PublisherPool(List<Entry> strong, List<Entry> weak) {
    this.strong = List.copyOf(strong);
    this.weak = List.copyOf(weak);
  }

  /** {@code count} publishers: even positions strong, odd positions weak. */
  static PublisherPool create(int count, Draws draws) {
    List<Entry> strong = new ArrayList<>();
    List<Entry> weak = new ArrayList<>();
    int width = Math.max(2, Integer.toString(count).length());
    for (int i = 0; i < count; i++) {
      boolean isStrong = i % 2 == 0;
      String id = "p-" + String.format(Locale.ROOT, "%0" + width + "d", i + 1);
      Publisher publisher = isStrong ? strongPublisher(id, draws) : weakPublisher(id, draws);
      Entry entry = new Entry(publisher, site(i), isStrong);
      (isStrong ? strong : weak).add(entry);
    }
    return new PublisherPool(strong, weak);
  }

  Entry pick(boolean strongOne, Draws draws) {
    return draws.pick(strongOne ? strong : weak);
  }

  List<Entry> all() {
    List<Entry> all = new ArrayList<>(strong);
    all.addAll(weak);
    return List.copyOf(all);
  }

  private static Publisher strongPublisher(String id, Draws draws) {
    return new Publisher(
        id,
        draws.between(3, 5),
        Math.round(draws.logUniform(20_000, 2_000_000)),
        round(draws.uniform(0.55, 0.95)),
        round(draws.uniform(0.5, 0.95)),
        draws.between(800, 4_000),
        Map.of("posts_per_day", round(draws.uniform(2, 15)), "verified", 1.0));
  }

  private static Publisher weakPublisher(String id, Draws draws) {
    return new Publisher(
        id,
        draws.between(0, 3),
        Math.round(draws.logUniform(200, 60_000)),
        round(draws.uniform(0.1, 0.65)),
        round(draws.uniform(0.05, 0.55)),
        draws.between(30, 1_500),
        Map.of(
            "posts_per_day",
            round(draws.uniform(10, 80)),
            "verified",
            draws.chance(0.2) ? 1.0 : 0.0));
  }

  private static String site(int index) {
    String name =
        FIRST.get(index % FIRST.size()) + SECOND.get((index / FIRST.size()) % SECOND.size());
    int round = index / (FIRST.size() * SECOND.size());
    return name + (round == 0 ? "" : Integer.toString(round + 1)) + ".example";
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
