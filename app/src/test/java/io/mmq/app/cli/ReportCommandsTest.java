package io.mmq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code validate} through the command line on a small generated corpus (real
 * H2, real TensorFlow, a brief small model): each writes its HTML report with its charts and says
 * where, on stderr and in the --json output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportCommandsTest {
  private static final String[] SMALL = {
    "--set", "steps=20", "--set", "evalEvery=10", "--set", "batchSize=32", "--set", "embeddingDim=16",
    "--set", "hashBuckets=1024", "--set", "lstmUnits=16", "--set", "convFilters=16", "--set", "imageFilters=8",
    "--set", "fieldDim=8", "--set", "experts=3", "--set", "expertDim=16", "--set", "towerDim=8",
    "--set", "maxLayout=4", "--set", "maxSentences=4", "--set", "maxWords=10", "--set", "maxImages=1",
    "--set", "maxTitleWords=8", "--set", "maxTagWords=4"
  };

  @TempDir static Path dataDir;

  @BeforeAll
  static void importAndLabelACorpus() {
    Path corpus = dataDir.resolve("corpus");
    run("generate", "--out", corpus.toString(), "--articles", "200", "--windows", "3", "--seed", "5");
    run("tasks", "--file", corpus.resolve("tasks.json").toString());
    run("import", "--resources", corpus.resolve("resources.jsonl").toString(),
        "--engagement", corpus.resolve("engagement.jsonl").toString());
    run("labels", "--from", "2026-01-05", "--to", "2026-01-08");
  }

  @Test
  @Order(1)
  void trainWritesItsReportUnderTheDataDirAndSaysWhere() {
    List<String> args = new ArrayList<>(List.of("train", "--from", "2026-01-05", "--to", "2026-01-07", "--json"));
    args.addAll(List.of(SMALL));
    CliRun output = run(args.toArray(String[]::new));

    Path index = reportPath(output.out());
    assertThat(index.getParent().getParent()).isEqualTo(dataDir.resolve("reports"));
    assertThat(index.getParent().getFileName().toString()).startsWith("m-").endsWith("-train");
    assertThat(output.err()).contains("train report: " + index);
    String html = charts(index, "loss.png", "validation-auc.png", "roc.png", "calibration-ctr.png",
        "confusion-ctr.png", "confusion-quality.png", "expert-utilisation.png");
    assertThat(html).contains("<h1>Training report</h1>").contains("held out of training");
  }

  @Test
  @Order(2)
  void validateWritesItsReportWhereAsked() {
    Path dir = dataDir.resolve("validation-report");
    CliRun output = run("validate", "--from", "2026-01-07", "--to", "2026-01-08", "--json", "--report", dir.toString());

    Path index = reportPath(output.out());
    assertThat(index).isEqualTo(dir.resolve("index.html"));
    String html = charts(index, "roc.png", "calibration-ctr.png", "confusion-ctr.png", "confusion-quality.png",
        "expert-utilisation.png");
    assertThat(html).contains("<h1>Validation report</h1>").contains("No training ran");
    assertThat(html).doesNotContain("loss.png");
  }

  @Test
  @Order(3)
  void noReportWritesNothingAndSaysNull() throws IOException {
    Path dir = dataDir.resolve("unwanted");
    CliRun output = run("validate", "--from", "2026-01-07", "--to", "2026-01-08", "--json", "--no-report");

    assertThat(output.out()).contains("\"report\":null");
    assertThat(output.err()).doesNotContain("report:");
    assertThat(dir).doesNotExist();
  }

  @Test
  @Order(4)
  void anUpdatePrintsTheFineTuningsProgressAsTrainDoes() throws IOException {
    // a tiny model is not perfectly accurate, so a threshold of 1 always asks for an update
    Path config = Files.writeString(dataDir.resolve("update.properties"), "validation.accuracy-threshold=1.0\n");
    CliRun output = run("validate", "--from", "2026-01-07", "--to", "2026-01-08", "--update", "--no-report",
        "--config", config.toString());

    assertThat(output.out()).contains("decision ").doesNotContain("decision KEEP");
    assertThat(output.err())
        .containsPattern("training job \\S+ started on ")
        .containsPattern("(?m)^step \\d+/20 \\w+\\.loss=\\d+\\.\\d{4}");
  }

  /** Every listed chart is a PNG in the report's directory and the HTML shows it; returns the HTML. */
  private static String charts(Path index, String... files) {
    try {
      String html = Files.readString(index);
      for (String file : files) {
        BufferedImage image = ImageIO.read(index.resolveSibling(file).toFile());
        assertThat(image).as(file).isNotNull();
        assertThat(html).contains("<img src=\"" + file + "\" width=\"" + image.getWidth() + "\" height=\"" + image.getHeight() + "\"");
      }
      try (Stream<Path> written = Files.list(index.getParent())) {
        assertThat(written.filter(p -> p.toString().endsWith(".png")).count()).isEqualTo(countImages(html));
      }
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long countImages(String html) {
    return Pattern.compile("<img src=").matcher(html).results().count();
  }

  private static Path reportPath(String json) {
    Matcher matcher = Pattern.compile("\"report\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as("report in %s", json).isTrue();
    return Path.of(matcher.group(1));
  }

  private static CliRun run(String... args) {
    CliRun run = CliRun.of(dataDir, args);
    assertThat(run.exit()).as("mmq %s: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }
}
