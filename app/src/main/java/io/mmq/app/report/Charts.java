package io.mmq.app.report;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.model.ScoredLabel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, drawn with JFreeChart; each method returns the figure with its caption. */
final class Charts {
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color DIAGONAL = new Color(0x999999);
  /** Distinct, readable series colours (the first eight of Tableau 10). */
  private static final Color[] SERIES = {
    new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
    new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF)
  };

  private Charts() {}

  /** Per-task training loss over the steps; empty without progress. */
  static Optional<Figure> loss(List<TrainingProgress> progress, List<TaskName> tasks) {
    return progressChart(
        progress, tasks, TrainingProgress::taskLoss, "loss.png", "Training loss per task", "loss",
        "Training loss per task (binary cross-entropy on the training batches, as reported every"
            + " evaluation interval) against the training step.");
  }

  /** Per-task AUC on the trainer's validation examples over the steps; empty when none reported. */
  static Optional<Figure> validationAuc(List<TrainingProgress> progress, List<TaskName> tasks) {
    return progressChart(
        progress, tasks, TrainingProgress::validationAuc, "validation-auc.png",
        "Validation AUC per task", "AUC",
        "ROC AUC per task on the trainer's validation examples, measured every evaluation interval"
            + " during training (what early stopping watches).");
  }

  private static Optional<Figure> progressChart(
      List<TrainingProgress> progress,
      List<TaskName> tasks,
      Function<TrainingProgress, Map<TaskName, Double>> values,
      String file,
      String title,
      String yLabel,
      String caption) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (TaskName task : tasks) {
      XYSeries series = new XYSeries(task.value(), false, true);
      for (TrainingProgress p : progress) {
        Double value = values.apply(p).get(task);
        if (value != null && Double.isFinite(value)) {
          series.add(p.step(), value);
        }
      }
      if (!series.isEmpty()) {
        dataset.addSeries(series);
      }
    }
    if (dataset.getSeriesCount() == 0) {
      return Optional.empty();
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(title, "step", yLabel, dataset, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = style(chart);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    plot.setRenderer(coloured(new XYLineAndShapeRenderer(true, true), dataset.getSeriesCount()));
    return Optional.of(new Figure(file, caption, 800, 450, chart));
  }

  /** The ROC curve of every task with both classes, its AUC in the legend. */
  static Optional<Figure> roc(Map<TaskName, List<ScoredLabel>> scored, String evaluatedSet) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    scored.forEach(
        (task, pairs) -> {
          List<Curves.RocPoint> points = Curves.roc(pairs);
          if (!points.isEmpty()) {
            XYSeries series =
                new XYSeries(
                    String.format(Locale.ROOT, "%s (AUC %.3f, n=%d)", task, Curves.auc(pairs), pairs.size()),
                    false, true);
            points.forEach(point -> series.add(point.falsePositiveRate(), point.truePositiveRate()));
            dataset.addSeries(series);
          }
        });
    if (dataset.getSeriesCount() == 0) {
      return Optional.empty();
    }
    XYSeries chance = new XYSeries("chance", false, true);
    chance.add(0, 0);
    chance.add(1, 1);
    dataset.addSeries(chance);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "ROC curve per task", "false positive rate", "true positive rate", dataset,
            PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = style(chart);
    unitAxes(plot);
    int last = dataset.getSeriesCount() - 1;
    XYLineAndShapeRenderer renderer = coloured(new XYLineAndShapeRenderer(true, false), last);
    renderer.setSeriesPaint(last, DIAGONAL);
    renderer.setSeriesStroke(
        last, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    plot.setRenderer(renderer);
    return Optional.of(
        new Figure(
            "roc.png",
            "ROC curve per task on " + evaluatedSet + ": true against false positive rate as the"
                + " threshold on the predicted probability falls; the legend gives each task's AUC"
                + " and number of labelled resources.",
            700, 600, chart));
  }

  /**
   * The reliability plot of one task: mean predicted probability against the observed positive
   * rate per bin (with the diagonal of perfect calibration), over a bar chart of the bin counts.
   */
  static Optional<Figure> calibration(TaskName task, List<ScoredLabel> pairs, String evaluatedSet) {
    if (pairs.isEmpty()) {
      return Optional.empty();
    }
    List<Curves.CalibrationBin> bins = Curves.calibration(pairs);
    XYSeries observed = new XYSeries("observed positive rate", false, true);
    XYSeries perfect = new XYSeries("perfect calibration", false, true);
    perfect.add(0, 0);
    perfect.add(1, 1);
    XYSeries counts = new XYSeries("resources per bin", false, true);
    for (Curves.CalibrationBin bin : bins) {
      if (bin.count() > 0) {
        observed.add(bin.meanProbability(), bin.positiveRate());
      }
      counts.add((bin.lower() + bin.upper()) / 2, bin.count());
    }
    XYSeriesCollection reliability = new XYSeriesCollection(observed);
    reliability.addSeries(perfect);
    NumberAxis rateAxis = new NumberAxis("observed positive rate");
    rateAxis.setRange(0, 1);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    lines.setSeriesPaint(1, DIAGONAL);
    lines.setSeriesShapesVisible(1, false);
    XYPlot upper = new XYPlot(reliability, null, rateAxis, lines);

    XYSeriesCollection countData = new XYSeriesCollection(counts);
    countData.setIntervalWidth(1.0 / bins.size());
    XYBarRenderer bars = new XYBarRenderer(0.05);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, new Color(0x8FAADC));
    NumberAxis countAxis = new NumberAxis("count");
    XYPlot lower = new XYPlot(countData, null, countAxis, bars);
    long max = bins.stream().mapToLong(Curves.CalibrationBin::count).max().orElse(0);
    countAxis.setUpperBound(Math.max(1, max) * 1.25);
    for (Curves.CalibrationBin bin : bins) {
      XYTextAnnotation label =
          new XYTextAnnotation(Long.toString(bin.count()), (bin.lower() + bin.upper()) / 2, bin.count() + max * 0.1);
      label.setFont(new Font("SansSerif", Font.PLAIN, 10));
      lower.addAnnotation(label);
    }

    NumberAxis probability = new NumberAxis("predicted probability (bin)");
    probability.setRange(0, 1);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(probability);
    plot.setGap(8);
    plot.add(upper, 3);
    plot.add(lower, 1);
    JFreeChart chart = new JFreeChart("Calibration: " + task, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    for (XYPlot sub : List.of(upper, lower)) {
      sub.setBackgroundPaint(Color.WHITE);
      sub.setDomainGridlinePaint(GRID);
      sub.setRangeGridlinePaint(GRID);
    }
    return Optional.of(
        new Figure(
            "calibration-" + task.value() + ".png",
            "Reliability of " + task + " on " + evaluatedSet + ": the resources are binned by predicted"
                + " probability (" + bins.size() + " equal-width bins, those of the ECE figure); each"
                + " point is a bin's mean predicted probability against its observed share of positive"
                + " labels (on the diagonal when calibrated); the bars below count the resources per"
                + " bin.",
            700, 650, chart));
  }

  /** The 2 x 2 confusion matrix of one task at threshold 0.5, counts and row shares in the cells. */
  static Optional<Figure> confusion(TaskName task, List<ScoredLabel> pairs, String evaluatedSet) {
    if (pairs.isEmpty()) {
      return Optional.empty();
    }
    Curves.Confusion c = Curves.confusion(pairs);
    JFreeChart chart =
        twoByTwo(
            "Confusion matrix: " + task, "predicted (probability >= 0.5)", "actual label",
            new String[] {"negative", "positive"},
            new long[] {c.trueNegatives(), c.falsePositives(), c.falseNegatives(), c.truePositives()});
    return Optional.of(
        new Figure(
            "confusion-" + task.value() + ".png",
            "Confusion matrix of " + task + " on " + evaluatedSet + " at threshold 0.5 (the accuracy"
                + " figure's): rows are the labels, columns the predictions; each cell gives the count"
                + " and its share of the row, which also sets its shade.",
            480, 420, chart));
  }

  /** The 2 x 2 confusion matrix of the aggregated quality class; empty when nothing was counted. */
  static Optional<Figure> qualityConfusion(Optional<QualityConfusion> quality, String resources) {
    if (quality.isEmpty() || quality.get().total() == 0) {
      return Optional.empty();
    }
    QualityConfusion q = quality.get();
    JFreeChart chart =
        twoByTwo(
            "Confusion matrix: quality class", "predicted class", "class of the labels",
            new String[] {"LOW", "HIGH"},
            new long[] {q.lowAsLow(), q.lowAsHigh(), q.highAsLow(), q.highAsHigh()});
    return Optional.of(
        new Figure(
            "confusion-quality.png",
            "Confusion matrix of the aggregated quality class on " + resources + ": the aggregation"
                + " policy (" + q.policy() + ") applied to each resource's labels (rows) and to its"
                + " predicted labels of the same tasks (columns); each cell gives the count and its"
                + " share of the row.",
            480, 420, chart));
  }

  /** Cells in the order (row 0, col 0), (0, 1), (1, 0), (1, 1); row 1 is drawn on top. */
  private static JFreeChart twoByTwo(String title, String xLabel, String yLabel, String[] names, long[] counts) {
    long[] rowTotals = {counts[0] + counts[1], counts[2] + counts[3]};
    double[][] cells = {{0, 1, 0, 1}, {0, 0, 1, 1}, new double[4]};
    for (int i = 0; i < 4; i++) {
      cells[2][i] = share(counts[i], rowTotals[i / 2]);
    }
    XYPlot plot = heatMap(cells, new SymbolAxis(xLabel, names), new SymbolAxis(yLabel, names), 1.0);
    for (int i = 0; i < 4; i++) {
      XYTextAnnotation label =
          new XYTextAnnotation(
              String.format(Locale.ROOT, "%d (%.0f %%)", counts[i], 100 * cells[2][i]), cells[0][i], cells[1][i]);
      label.setFont(new Font("SansSerif", Font.BOLD, 14));
      label.setPaint(cells[2][i] > 0.6 ? Color.WHITE : Color.BLACK);
      plot.addAnnotation(label);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** Tasks x experts, shaded by the mean gate weight; empty for a model without gates. */
  static Optional<Figure> expertUtilisation(Optional<ExpertUtilisation> utilisation, String resources) {
    if (utilisation.isEmpty() || utilisation.get().weights().isEmpty()) {
      return Optional.empty();
    }
    ExpertUtilisation u = utilisation.get();
    List<TaskName> tasks = List.copyOf(u.weights().keySet());
    int n = tasks.size() * u.experts();
    double[][] cells = new double[3][n];
    String[] experts = new String[u.experts()];
    for (int e = 0; e < u.experts(); e++) {
      experts[e] = "expert " + e;
    }
    String[] taskNames = tasks.stream().map(TaskName::value).toArray(String[]::new);
    int i = 0;
    for (int t = 0; t < tasks.size(); t++) {
      for (int e = 0; e < u.experts(); e++) {
        cells[0][i] = e;
        cells[1][i] = t;
        cells[2][i] = u.weights().get(tasks.get(t)).get(e);
        i++;
      }
    }
    XYPlot plot = heatMap(cells, new SymbolAxis("expert", experts), new SymbolAxis("task", taskNames), 1.0);
    for (int k = 0; k < n; k++) {
      XYTextAnnotation label =
          new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", cells[2][k]), cells[0][k], cells[1][k]);
      label.setFont(new Font("SansSerif", Font.BOLD, 13));
      label.setPaint(cells[2][k] > 0.6 ? Color.WHITE : Color.BLACK);
      plot.addAnnotation(label);
    }
    JFreeChart chart = new JFreeChart("Expert utilisation (mean gate weight)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    NumberAxis legendAxis = new NumberAxis("mean gate weight");
    legendAxis.setRange(0, 1);
    PaintScaleLegend legend = new PaintScaleLegend(new BlueScale(1.0), legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    legend.setStripWidth(12);
    chart.addSubtitle(legend);
    int width = Math.max(480, 200 + 110 * u.experts());
    int height = Math.max(320, 170 + 60 * tasks.size());
    return Optional.of(
        new Figure(
            "expert-utilisation.png",
            "Expert utilisation of the model's gates on " + resources + ": each row is a task, each"
                + " column a shared expert, each cell the mean weight the task's gate gives the expert"
                + " (a row sums to 1). Rows that differ mean the tasks draw on different experts; a"
                + " single dark cell in a row means that task's gate has collapsed onto one expert.",
            width, height, chart));
  }

  private static XYPlot heatMap(double[][] cells, SymbolAxis x, SymbolAxis y, double upper) {
    DefaultXYZDataset dataset = new DefaultXYZDataset();
    dataset.addSeries("cells", cells);
    XYBlockRenderer renderer = new XYBlockRenderer();
    renderer.setPaintScale(new BlueScale(upper));
    x.setGridBandsVisible(false);
    y.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    return plot;
  }

  private static XYLineAndShapeRenderer coloured(XYLineAndShapeRenderer renderer, int series) {
    for (int i = 0; i < series; i++) {
      renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    return renderer;
  }

  private static double share(long count, long total) {
    return total == 0 ? 0 : (double) count / total;
  }

  private static XYPlot style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    return plot;
  }

  private static void unitAxes(XYPlot plot) {
    plot.getDomainAxis().setRange(0, 1);
    plot.getRangeAxis().setRange(0, 1);
  }

  /** White at 0 to dark blue at the upper bound. */
  private record BlueScale(double upper) implements PaintScale {
    private static final Color LOW = Color.WHITE;
    private static final Color HIGH = new Color(0x08306B);

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      double f = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value / upper));
      return new Color(
          (int) Math.round(LOW.getRed() + f * (HIGH.getRed() - LOW.getRed())),
          (int) Math.round(LOW.getGreen() + f * (HIGH.getGreen() - LOW.getGreen())),
          (int) Math.round(LOW.getBlue() + f * (HIGH.getBlue() - LOW.getBlue())));
    }
  }
}
