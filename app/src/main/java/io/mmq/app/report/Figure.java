package io.mmq.app.report;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/** One chart of a report: the PNG file it is written to (in the report's directory), its size and caption. */
record Figure(String file, String caption, int width, int height, JFreeChart chart) {
  Figure {
    Objects.requireNonNull(file, "file is null");
    if (!file.matches("[A-Za-z0-9_.-]+\\.png")) {
      throw new IllegalArgumentException("not a plain PNG file name: " + file);
    }
    Objects.requireNonNull(caption, "caption is null");
    Objects.requireNonNull(chart, "chart is null");
  }
}
