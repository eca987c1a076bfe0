package io.mmq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.app.Application;
import io.mmq.app.config.MmqConfig;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.port.out.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmq labels} with {@code --levels}, {@code --level-width} and {@code --dry-run} over the
 * real database, default task set (ctr: higher is better, mean, at least 100 impressions).
 *
 * <pre>
 * 2016-06-24  r1..r9: ctr 0.01..0.09, r10: ctr 0.9 (1000 impressions); u: ctr 0.5, 50 impressions
 *   mean 0.135 lies above nine of the ten: reference degree 90; degrees 5..95, spread 28.72
 *   z = (degree - 90) / 28.72: r10 +0.17, r9 -0.17, r8 -0.52 .. r1 -2.96
 *   3 levels, width 1 (cuts -0.5, +0.5): r1..r8 level 0, r9 r10 level 1 -> 8 2 0
 *   width 0.25 (cuts -0.125, +0.125): r1..r9 level 0, r10 level 2 -> 9 0 1
 * </pre>
 */
class LabelsCommandTest {
  private static final String DAY = "\"windowStart\":\"2016-06-24T00:00:00Z\",\"windowEnd\":\"2016-06-25T00:00:00Z\"";
  private static final TimeWindow DAY_24 =
      TimeWindow.of(Instant.parse("2016-06-24T00:00:00Z"), Instant.parse("2016-06-25T00:00:00Z"));

  @TempDir Path dir;

  @BeforeEach
  void importTheExample() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      double ctr = i == 10 ? 0.9 : i / 100.0;
      lines.add("{\"resourceId\":\"r" + i + "\"," + DAY + ",\"impressions\":1000,\"metrics\":{\"ctr\":" + ctr + "}}");
    }
    lines.add("{\"resourceId\":\"u\"," + DAY + ",\"impressions\":50,\"metrics\":{\"ctr\":0.5}}");
    Path engagement = Files.write(dir.resolve("engagement.jsonl"), lines);
    run(0, "import", "--engagement", engagement.toString());
  }

  @Test
  void aDryRunPrintsTheLevelCountsAndStoresNoLabel() {
    CliRun output = run(0, "labels", "--from", "2016-06-24", "--to", "2016-06-25", "--levels", "3", "--dry-run", "--json");

    assertThat(output.out())
        .contains("\"dryRun\":true")
        .contains("\"records\":11,\"labelledResources\":10")
        .contains("\"levels\":{")
        .contains("\"ctr\":{\"positive\":1,\"negative\":9,\"unlabelled\":1,\"levelCounts\":[8,2,0]}");
    assertThat(output.err()).startsWith("dry run: deriving labels for ");
    assertThat(storedLabels()).isEmpty();
  }

  @Test
  void aRealRunPrintsALevelLinePerTaskAndStoresTheBinaryLabels() {
    CliRun output = run(0, "labels", "--from", "2016-06-24", "--to", "2016-06-25", "--levels", "3", "--level-width", "0.25");

    assertThat(output.out())
        .contains("11 records in 1 window -> 10 labelled resources (")
        .contains("  ctr: positive 1, negative 9, unlabelled 1")
        .contains("  ctr levels 0..2 (worst..best): 9 0 1")
        .contains("  dwell levels 0..2 (worst..best): 0 0 0")
        .doesNotContain("dry run");
    assertThat(storedLabels()).hasSize(10);
  }

  @Test
  void withoutLevelsTheJsonHasNoLevelCounts() {
    CliRun output = run(0, "labels", "--from", "2016-06-24", "--to", "2016-06-25", "--json");

    assertThat(output.out()).contains("\"dryRun\":false").contains("\"levels\":null").doesNotContain("levelCounts");
  }

  @Test
  void badLevelOptionsAreUsageErrorsAndStoreNothing() {
    String[] window = {"labels", "--from", "2016-06-24", "--to", "2016-06-25"};

    assertThat(run(MmqCommand.USAGE, concat(window, "--levels", "1")).err()).contains("--levels must be in [2, 100], was 1");
    assertThat(run(MmqCommand.USAGE, concat(window, "--levels", "3", "--level-width", "0")).err())
        .contains("--level-width must be a finite number > 0, was 0.0");
    assertThat(run(MmqCommand.USAGE, concat(window, "--level-width", "0.5")).err()).contains("--level-width goes with --levels K");
    assertThat(storedLabels()).isEmpty();
  }

  private List<LabelledResource> storedLabels() {
    try (Application app = Application.open(MmqConfig.defaultsOnly().with("data.dir", dir.resolve("data").toString()))) {
      List<LabelledResource> stored = new ArrayList<>();
      app.get(Labels.class).forEachIn(DAY_24, stored::add);
      return stored;
    }
  }

  private static String[] concat(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  private CliRun run(int expectedExit, String... args) {
    CliRun run = CliRun.of(dir.resolve("data"), args);
    assertThat(run.exit()).as("mmq %s: %s", String.join(" ", args), run.err()).isEqualTo(expectedExit);
    return run;
  }
}
