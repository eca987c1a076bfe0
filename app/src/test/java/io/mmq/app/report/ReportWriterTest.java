package io.mmq.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.model.ScoredLabel;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.TaskEvaluation;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");
  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-01-05T00:00:00Z"), Instant.parse("2026-01-10T00:00:00Z"));

  @TempDir static Path dir;
  private static Path index;

  @BeforeAll
  static void writeTheFullReport() throws Exception {
    index = ReportWriter.write(content(progress(), utilisation()), dir.resolve("report"));
  }

  @Test
  void writesEveryChartAsADecodablePngReferencedByTheHtml() throws Exception {
    assertThat(index).isEqualTo(dir.resolve("report").resolve("index.html")).exists();
    String html = Files.readString(index);
    Map<String, int[]> expected = new LinkedHashMap<>();
    expected.put("loss.png", new int[] {800, 450});
    expected.put("validation-auc.png", new int[] {800, 450});
    expected.put("roc.png", new int[] {700, 600});
    expected.put("calibration-ctr.png", new int[] {700, 650});
    expected.put("calibration-dwell.png", new int[] {700, 650});
    expected.put("confusion-ctr.png", new int[] {480, 420});
    expected.put("confusion-dwell.png", new int[] {480, 420});
    expected.put("confusion-quality.png", new int[] {480, 420});
    expected.put("expert-utilisation.png", new int[] {530, 320});
    try (var files = Files.list(dir.resolve("report"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    }
    expected.forEach((file, size) -> {
      BufferedImage image = read(dir.resolve("report").resolve(file));
      assertThat(image).as(file).isNotNull();
      assertThat(new int[] {image.getWidth(), image.getHeight()}).as(file).containsExactly(size);
      assertThat(html).contains("<img src=\"" + file + "\" width=\"" + size[0] + "\" height=\"" + size[1] + "\"");
    });
    assertThat(html).contains("AUC").contains("Confusion matrix").contains("Expert utilisation");
    assertThat(html).contains("aggregation policy (AT_LEAST:2)");
  }

  @Test
  void theHtmlShowsTheFiguresAndEscapesText() throws Exception {
    String html = Files.readString(index);

    assertThat(html).contains("<h1>Training report &lt;b&gt; &amp; &quot;co&quot;</h1>");
    assertThat(html).doesNotContain("<b>");
    assertThat(html).contains("<code>m-1</code>").contains("2026-01-05T00:00:00Z .. 2026-01-10T00:00:00Z");
    assertThat(html).contains("<th>modelVersion</th><td class=\"n\">m-1</td>");
    assertThat(html).contains("<th>accuracy</th><td class=\"n\">0.8750</td>");
    assertThat(html).contains("<th>decision</th><td class=\"n\">PROMOTED</td>");
    assertThat(html).contains("<th>calibrationError</th>");
    assertThat(html).contains("<tr><th>ctr</th><td class=\"n\">0.9100</td>");
  }

  @Test
  void withoutTrainingOrGatesTheReportSaysSoAndDrawsTheRest(@TempDir Path other) throws Exception {
    String html = Files.readString(ReportWriter.write(content(List.of(), Optional.empty()), other));

    assertThat(html).contains("No training ran").contains("the model has no gates");
    assertThat(html).doesNotContain("loss.png").doesNotContain("expert-utilisation.png").contains("roc.png");
    assertThat(html).doesNotContain("confusion-quality.png");
    assertThat(other.resolve("loss.png")).doesNotExist();
    assertThat(read(other.resolve("confusion-ctr.png"))).isNotNull();
  }

  private static BufferedImage read(Path file) {
    try {
      return ImageIO.read(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ReportContent content(List<TrainingProgress> progress, Optional<ExpertUtilisation> utilisation) {
    Optional<QualityConfusion> quality =
        utilisation.map(u -> new QualityConfusion("AT_LEAST:2", 70, 12, 9, 109));
    Evaluation evaluation =
        Evaluation.newBuilder()
            .setModelVersion("m-1")
            .setEvaluated(200)
            .setAccurate(175)
            .setAccuracy(0.875)
            .setCoincidenceThreshold(0.5)
            .setAccuracyThreshold(Double.NaN)
            .setDecision(Decision.PROMOTED)
            .putTasks("ctr", TaskEvaluation.newBuilder().setAuc(0.91).setLabelled(200).build())
            .putTasks("dwell", TaskEvaluation.newBuilder().setAuc(0.83).setLabelled(120).build())
            .build();
    Map<TaskName, List<ScoredLabel>> scored = new LinkedHashMap<>();
    scored.put(CTR, pairs(200, 1.5, 1));
    scored.put(DWELL, pairs(120, 0.8, 2));
    return new ReportContent(
        "Training report <b> & \"co\"", "m-1", WINDOW, "the 200 resources held out of training",
        List.of(CTR, DWELL), EvaluationFigures.of(evaluation), progress, scored, utilisation, quality,
        "the 200 resources held out of training");
  }

  /** Labels with a planted signal: the probability is a logistic of (label +- 1) * signal + noise. */
  private static List<ScoredLabel> pairs(int n, double signal, long seed) {
    Random random = new Random(seed);
    List<ScoredLabel> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean positive = random.nextBoolean();
      double logit = (positive ? signal : -signal) + random.nextGaussian();
      pairs.add(new ScoredLabel(1 / (1 + Math.exp(-logit)), positive));
    }
    return pairs;
  }

  private static List<TrainingProgress> progress() {
    List<TrainingProgress> progress = new ArrayList<>();
    for (int step = 20; step <= 100; step += 20) {
      progress.add(new TrainingProgress(step, 100,
          Map.of(CTR, 0.7 - step / 400.0, DWELL, 0.69 - step / 500.0),
          Map.of(CTR, 0.6 + step / 400.0, DWELL, 0.55 + step / 500.0)));
    }
    return progress;
  }

  private static Optional<ExpertUtilisation> utilisation() {
    return Optional.of(new ExpertUtilisation(3, Map.of(CTR, List.of(0.7, 0.2, 0.1), DWELL, List.of(0.1, 0.3, 0.6))));
  }
}
