package io.mmq.app.report;

import io.mmq.core.task.model.TaskName;
import io.mmq.core.validation.model.ScoredLabel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.ChartUtils;

/**
 * Writes a report into a directory: one PNG per chart and an {@code index.html} that shows the
 * figures and the charts with their captions. The HTML needs nothing but the PNG files beside it;
 * every text put into it is escaped. The charts, in order: training loss and validation AUC per
 * task (when the run trained), the ROC curves, per task a reliability plot beside a confusion
 * matrix, the confusion matrix of the aggregated quality class, and the expert-utilisation heat
 * map (when the model has gates).
 */
public final class ReportWriter {
  static final String INDEX = "index.html";

  private ReportWriter() {}

  /**
   * Writes the report, creating the directory when needed and replacing the files of an earlier
   * report of the same names.
   *
   * @return the path of {@code index.html}
   */
  public static Path write(ReportContent content, Path dir) throws IOException {
    Objects.requireNonNull(content, "content is null");
    Objects.requireNonNull(dir, "dir is null");
    Files.createDirectories(dir);
    List<Figure> figures = figures(content);
    for (Figure figure : figures) {
      try (OutputStream out = Files.newOutputStream(dir.resolve(figure.file()))) {
        ChartUtils.writeChartAsPNG(out, figure.chart(), figure.width(), figure.height());
      }
    }
    Path index = dir.resolve(INDEX);
    Files.writeString(index, html(content, figures), StandardCharsets.UTF_8);
    return index;
  }

  /** The charts of the content, in the order the report shows them. */
  static List<Figure> figures(ReportContent content) {
    List<Figure> figures = new ArrayList<>();
    Charts.loss(content.progress(), content.tasks()).ifPresent(figures::add);
    Charts.validationAuc(content.progress(), content.tasks()).ifPresent(figures::add);
    Map<TaskName, List<ScoredLabel>> scored = content.scored();
    Charts.roc(scored, content.evaluatedSet()).ifPresent(figures::add);
    scored.forEach((task, pairs) -> {
      Charts.calibration(task, pairs, content.evaluatedSet()).ifPresent(figures::add);
      Charts.confusion(task, pairs, content.evaluatedSet()).ifPresent(figures::add);
    });
    Charts.qualityConfusion(content.quality(), content.sampleSet()).ifPresent(figures::add);
    Charts.expertUtilisation(content.utilisation(), content.sampleSet()).ifPresent(figures::add);
    return figures;
  }

  static String html(ReportContent content, List<Figure> figures) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(content.title() + " - " + content.modelVersion()))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
        .append("td,th{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left}\n")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append("figure{display:inline-block;vertical-align:top;margin:1em 1.5em 1em 0}\n")
        .append("figcaption{color:#444;font-size:0.9em}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>").append(escape(content.title())).append("</h1>\n");
    h.append("<p>Model <code>").append(escape(content.modelVersion())).append("</code>, window ")
        .append(escape(content.window().start() + " .. " + content.window().end()))
        .append(" (end exclusive). Evaluated: ").append(escape(content.evaluatedSet())).append(".</p>\n");

    h.append("<h2>Figures</h2>\n<table>\n");
    content.figures().summary().forEach((name, value) ->
        h.append("<tr><th>").append(escape(name)).append("</th><td class=\"n\">").append(escape(value)).append("</td></tr>\n"));
    h.append("</table>\n");
    if (!content.figures().tasks().isEmpty()) {
      h.append("<h3>Per task</h3>\n<table>\n<tr><th>task</th>");
      content.figures().taskColumns().forEach(column -> h.append("<th>").append(escape(column)).append("</th>"));
      h.append("</tr>\n");
      content.figures().tasks().forEach((task, row) -> {
        h.append("<tr><th>").append(escape(task)).append("</th>");
        row.forEach(value -> h.append("<td class=\"n\">").append(escape(value)).append("</td>"));
        h.append("</tr>\n");
      });
      h.append("</table>\n");
    }

    h.append("<h2>Charts</h2>\n");
    if (content.progress().isEmpty()) {
      h.append("<p>No training ran: no loss curves.</p>\n");
    }
    if (content.utilisation().isEmpty()) {
      h.append("<p>No expert utilisation: the model has no gates (hard parameter sharing) or there were"
          + " no resources to measure it on.</p>\n");
    }
    for (Figure figure : figures) {
      h.append("<figure style=\"max-width:").append(figure.width()).append("px\">\n<img src=\"").append(escape(figure.file())).append("\" width=\"").append(figure.width())
          .append("\" height=\"").append(figure.height()).append("\" alt=\"").append(escape(figure.chart().getTitle().getText()))
          .append("\">\n<figcaption>").append(escape(figure.caption())).append("</figcaption>\n</figure>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** Text made safe for HTML element content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
