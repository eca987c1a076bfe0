package io.mmq.persistence;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.service.DeriveLabelsService;
import io.mmq.core.resource.model.ResourceId;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures, on the embedded H2 file database (or on PostgreSQL, given a JDBC URL instead of a
 * directory; schema {@code mmq_bench}, to drop by hand afterwards): importing N engagement records
 * (default 1,000,000, over 10 daily windows, six metrics each) in batches, importing part of them
 * again (idempotent: nothing changes), streaming them twice, and deriving labels for all of them
 * with the core's {@link DeriveLabelsService}. Prints rows/s and the live heap halfway through each
 * phase (and each streaming pass): a full collection, then the heap still in use. A third argument
 * picks phases, e.g. {@code stream,derive} on a database imported before. Run by hand with a small
 * heap, e.g.:
 *
 * <pre>
 * mvn -pl adapters-persistence test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx256m -cp adapters-persistence/target/test-classes:adapters-persistence/target/classes:$(cat cp.txt) \
 *     io.mmq.persistence.EngagementImportBench 1000000 /tmp/mmq-bench
 * </pre>
 */
public final class EngagementImportBench {
  private static final int BATCH = 10_000;
  private static final int DAYS = 10;
  private static final Instant FIRST_DAY = Instant.parse("2016-06-20T00:00:00Z");

  private EngagementImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    String where = args.length > 1 ? args[1] : Files.createTempDirectory("mmq-bench").toString();
    Set<String> phases = Set.of((args.length > 2 ? args[2] : "import,stream,derive").split(","));
    DatabaseConfig config;
    if (where.startsWith("jdbc:postgresql:")) {
      config = DatabaseConfig.of(where, "postgres", "postgres").withSchema("mmq_bench");
    } else {
      Files.createDirectories(Path.of(where));
      config = DatabaseConfig.embedded(Path.of(where));
    }
    System.out.printf(
        "rows=%,d in %d daily windows, database %s, max heap %d MiB%n",
        rows, DAYS, config.url(), Runtime.getRuntime().maxMemory() >> 20);
    try (Database database = Database.open(config)) {
      Jdbc jdbc = new Jdbc(database.dataSource(), 1_000, 1_000);
      JdbcEngagements engagements = new JdbcEngagements(jdbc);
      TimeWindow all = TimeWindow.of(FIRST_DAY, FIRST_DAY.plus(Duration.ofDays(DAYS)));

      if (phases.contains("import")) {
        phase("import", rows, () -> importRows(engagements, rows, 0, rows));
        int again = Math.min(rows, 100_000);
        phase(
            "re-import (idempotent)",
            again,
            () -> {
              int changed = importRows(engagements, rows, 0, again);
              if (changed != 0) {
                throw new IllegalStateException("re-import changed " + changed + " records");
              }
            });
      }
      if (phases.contains("stream")) {
        phase(
            "stream twice",
            2L * rows,
            () -> {
              for (int pass = 0; pass < 2; pass++) {
                long[] seen = {0};
                engagements.forEachIn(all, sampledHalfway(rows, record -> seen[0]++));
                if (seen[0] != rows) {
                  throw new IllegalStateException("pass " + pass + " saw " + seen[0] + " records");
                }
              }
            });
      }
      if (!phases.contains("derive")) {
        return;
      }
      DeriveLabelsService labels =
          new DeriveLabelsService(
              sampled(engagements, rows),
              new JdbcLabels(jdbc),
              new JdbcTaskSets(jdbc),
              LabelDerivationPolicy.STANDARD);
      phase(
          "derive labels",
          rows,
          () -> {
            DeriveLabelsResult result = labels.derive(new DeriveLabelsCommand(all));
            System.out.printf(
                "  labelled %,d resources in %d windows from %,d records%n",
                result.labelledResources(), result.windows().size(), result.records());
          });
    }
  }

  /** Imports records [from, to) of the deterministic data set; returns how many changed. */
  private static int importRows(JdbcEngagements engagements, int rows, int from, int to) {
    int resources = Math.max(1, rows / DAYS);
    int changed = 0;
    List<EngagementRecord> batch = new ArrayList<>(BATCH);
    for (int i = from; i < to; i++) {
      batch.add(record(i, resources));
      if (batch.size() == BATCH || i == to - 1) {
        changed += engagements.recordAll(batch);
        batch.clear();
        if (i / BATCH == (from + to) / 2 / BATCH) {
          sampleLiveHeap();
        }
      }
    }
    return changed;
  }

  /** Record i: resource i mod resources, day i / resources; values drawn from a seed of i. */
  private static EngagementRecord record(int i, int resources) {
    SplittableRandom random = new SplittableRandom(i);
    Instant day = FIRST_DAY.plus(Duration.ofDays((i / resources) % DAYS));
    long impressions = random.nextLong(20_000);
    return new EngagementRecord(
        ResourceId.of(String.format("r-%07d", i % resources)),
        TimeWindow.of(day, day.plus(Duration.ofDays(1))),
        OptionalLong.of(impressions),
        Map.of(
            "ctr", random.nextDouble(0, 0.2),
            "dwell", random.nextDouble(0, 300),
            "comment_rate", random.nextDouble(0, 0.01),
            "like_rate", random.nextDouble(0, 0.05),
            "share_rate", random.nextDouble(0, 0.01),
            "bounce_rate", random.nextDouble(0, 1)));
  }

  private interface Phase {
    void run() throws Exception;
  }

  /** The live heap samples of the current phase, in MiB. */
  private static final List<Long> SAMPLES = new ArrayList<>();

  /** Collects the garbage and records the heap still in use: the live data at this point. */
  private static void sampleLiveHeap() {
    System.gc();
    SAMPLES.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
  }

  /** Counts the rows going to the consumer and samples the live heap halfway through. */
  private static <T> Consumer<T> sampledHalfway(long rows, Consumer<T> consumer) {
    long[] seen = {0};
    return row -> {
      if (++seen[0] == rows / 2) {
        sampleLiveHeap();
      }
      consumer.accept(row);
    };
  }

  /** Engagements whose streams are sampled halfway, to watch the label service's passes. */
  private static Engagements sampled(Engagements engagements, long rows) {
    return new Engagements() {
      @Override
      public int recordAll(List<EngagementRecord> records) {
        return engagements.recordAll(records);
      }

      @Override
      public void forEachIn(TimeWindow window, Consumer<EngagementRecord> consumer) {
        engagements.forEachIn(window, sampledHalfway(rows, consumer));
      }

      @Override
      public List<EngagementRecord> findByResource(ResourceId id) {
        return engagements.findByResource(id);
      }

      @Override
      public long count() {
        return engagements.count();
      }
    };
  }

  private static void phase(String name, long rows, Phase phase) throws Exception {
    SAMPLES.clear();
    long started = System.nanoTime();
    phase.run();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%-24s %,12d rows %7.1f s %,10.0f rows/s   live heap %s MiB%n",
        name, rows, seconds, rows / seconds, SAMPLES);
  }
}
