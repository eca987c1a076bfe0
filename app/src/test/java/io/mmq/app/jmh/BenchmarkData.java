package io.mmq.app.jmh;

import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.app.generate.GeneratorConfig;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** The benchmarks' inputs, all seeded: generated articles and engagement records. */
final class BenchmarkData {
  static final long SEED = 42;

  /** The daily window of the generated engagement. */
  static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-06T00:00:00Z"));

  private BenchmarkData() {}

  /**
   * {@code count} articles of the quickstart's generator (English and Chinese, structured and flat
   * layouts, 48 x 48 PNG or JPEG images) with exactly {@code kind.images} image blocks.
   */
  static List<Resource> articles(Articles.Kind kind, int count) {
    GeneratorConfig config = GeneratorConfig.DEFAULT.withArticles(count * 3).withSeed(SEED)
        .withShares(0.45, kind.images == 0 ? 0 : 1, 0.15, 0.08);
    List<Resource> articles = new CorpusGenerator(config).generate().resources().stream()
        .filter(resource -> images(resource) == kind.images)
        .limit(count)
        .toList();
    if (articles.size() < count) {
      throw new IllegalStateException("generated only " + articles.size() + " articles of kind " + kind);
    }
    return articles;
  }

  /** A generated corpus over the generator's daily windows (60 % of its articles with images). */
  static Corpus corpus(int articles) {
    return new CorpusGenerator(GeneratorConfig.DEFAULT.withArticles(articles).withSeed(SEED)).generate();
  }

  /**
   * {@code count} engagement records of {@link #WINDOW} carrying the metrics of the default task
   * set ({@code ctr}, {@code dwell}, {@code comment_rate}, {@code like_rate}, {@code share_rate},
   * {@code bounce_rate}): log-normal impressions (median about 400, about 10 % under the tasks'
   * minimum of 100), rates as counts over impressions (so that values tie as real ones do), and a
   * share rate missing from a fifth of the records.
   */
  static List<EngagementRecord> engagement(int count) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<EngagementRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long impressions = Math.max(1, Math.round(Math.exp(6 + 1.2 * gaussian(random))));
      Map<String, Double> metrics = new TreeMap<>();
      metrics.put("ctr", rate(impressions, 0.03 * Math.exp(0.5 * gaussian(random))));
      metrics.put("dwell", Math.round(400 * Math.exp(0.6 * gaussian(random))) / 10.0);
      metrics.put("comment_rate", rate(impressions, 0.002 * Math.exp(gaussian(random))));
      metrics.put("like_rate", rate(impressions, 0.01 * Math.exp(0.8 * gaussian(random))));
      if (random.nextInt(5) > 0) {
        metrics.put("share_rate", rate(impressions, 0.003 * Math.exp(gaussian(random))));
      }
      metrics.put("bounce_rate", rate(impressions, 0.4 + 0.15 * gaussian(random)));
      ResourceId id = ResourceId.of(String.format(Locale.ROOT, "e-%06d", i + 1));
      records.add(new EngagementRecord(id, WINDOW, OptionalLong.of(impressions), metrics));
    }
    return records;
  }

  /** Whole events over impressions, the probability clamped to [0, 1]. */
  private static double rate(long impressions, double probability) {
    return Math.round(impressions * Math.min(1, Math.max(0, probability))) / (double) impressions;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble(); // (0, 1]
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static long images(Resource resource) {
    return resource.blocks().stream().filter(ContentBlock.Image.class::isInstance).count();
  }
}
