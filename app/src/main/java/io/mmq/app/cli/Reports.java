package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.app.report.EvaluationFigures;
import io.mmq.app.report.QualityConfusion;
import io.mmq.app.report.ReportContent;
import io.mmq.app.report.ReportWriter;
import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.training.service.HoldoutSplit;
import io.mmq.core.training.service.LabelledExamples;
import io.mmq.core.validation.model.HeldOutEvaluation;
import io.mmq.core.validation.port.in.ValidateModelResult;
import io.mmq.proto.v1.Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the HTML reports of {@code train}, {@code validate} and {@code quickstart} (see {@link
 * ReportWriter}): gathers the training progress, the evaluated pairs, and, on the evaluated
 * resources (at most {@value #UTILISATION_RESOURCES} of them), the model's expert utilisation and
 * the confusion of the aggregated quality class. A report
 * that cannot be written is said on stderr and does not fail the command: the model and the run
 * are recorded either way.
 */
final class Reports {
  static final int UTILISATION_RESOURCES = 2000;

  private Reports() {}

  /** An observer that records every progress report before passing it on. */
  static final class ProgressLog implements TrainingObserver {
    private final TrainingObserver next;
    private final List<TrainingProgress> progress = Collections.synchronizedList(new ArrayList<>());

    ProgressLog(TrainingObserver next) {
      this.next = next;
    }

    @Override
    public void onStarted(TrainingJob job) {
      next.onStarted(job);
    }

    @Override
    public void onProgress(TrainingProgress report) {
      progress.add(report);
      next.onProgress(report);
    }

    @Override
    public boolean isCancelled() {
      return next.isCancelled();
    }

    List<TrainingProgress> progress() {
      return List.copyOf(progress);
    }
  }

  /** The report of a training: figures and pairs of the held-out resources, utilisation on them. */
  static Optional<Path> training(
      Application app,
      ReportOptions options,
      TrainModelCommand command,
      TrainModelResult result,
      Evaluation evaluation,
      List<TrainingProgress> progress,
      PrintWriter err) {
    ModelRecord model = result.model().orElseThrow();
    Optional<Path> dir = options.directory(defaultDir(app, model.version(), "train"));
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    return write("train", err, dir.get(), () -> {
      HoldoutSplit split = new HoldoutSplit(command.seed(), command.validationFraction());
      ExampleSource heldOut =
          LabelledExamples.heldOut(
              app.get(Labels.class), app.get(Resources.class), command.window(), model.tasks(), split);
      String evaluated = "the " + result.validationExamples() + " labelled resources held out of training"
          + " (fraction " + command.validationFraction() + ", seed " + command.seed() + ")";
      Probe probe = probe(app, model.version(), heldOut);
      return new ReportContent(
          "Training report", model.version().value(), command.window(), evaluated, model.tasks().names(),
          EvaluationFigures.of(evaluation), progress,
          result.heldOut().map(HeldOutEvaluation::scored).orElse(Map.of()),
          probe.utilisation(), probe.quality(), sample(evaluated));
    });
  }

  /** The report of a validation: figures and pairs of the window, utilisation of the validated model. */
  static Optional<Path> validation(
      Application app,
      ReportOptions options,
      ValidateModelResult result,
      Evaluation evaluation,
      List<TrainingProgress> progress,
      PrintWriter err) {
    ModelVersion version = result.run().modelVersion();
    Optional<Path> dir = options.directory(defaultDir(app, version, "validate"));
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    return write("validate", err, dir.get(), () -> {
      TimeWindow window = result.run().window();
      ModelRecord model = app.get(ModelRegistry.class).find(version).orElseThrow();
      ExampleSource examples =
          new LabelledExamples(app.get(Labels.class), app.get(Resources.class), window, model.tasks(), labelled -> true);
      String evaluated = "the " + result.run().evaluated() + " labelled resources of the validation window";
      Probe probe = probe(app, version, examples);
      return new ReportContent(
          result.update().isPresent() ? "Validation report (with update)" : "Validation report",
          version.value(), window, evaluated, model.tasks().names(), EvaluationFigures.of(evaluation),
          progress, result.scored(), probe.utilisation(), probe.quality(), sample(evaluated));
    });
  }

  /** The "report" entry of a command's --json output: the index path, or null when none was written. */
  static String json(Optional<Path> report) {
    return report.map(Path::toString).orElse(null);
  }

  private interface Content {
    ReportContent get() throws Exception;
  }

  private static Optional<Path> write(String command, PrintWriter err, Path dir, Content content) {
    try {
      Path index = ReportWriter.write(content.get(), dir);
      err.println(command + " report: " + index);
      err.flush();
      return Optional.of(index);
    } catch (Exception e) {
      err.println("mmq " + command + ": no report written to " + dir + ": " + e);
      err.flush();
      return Optional.empty();
    }
  }

  private static Path defaultDir(Application app, ModelVersion version, String command) {
    return app.config().dataDir().resolve("reports").resolve(version.value() + "-" + command);
  }

  private static String sample(String evaluated) {
    return evaluated + ", at most the first " + UTILISATION_RESOURCES;
  }

  /** What the report measures on the model itself over a sample of the evaluated examples. */
  private record Probe(Optional<ExpertUtilisation> utilisation, Optional<QualityConfusion> quality) {}

  /**
   * The expert utilisation and the aggregated quality class on the first {@value
   * #UTILISATION_RESOURCES} examples; on the active model's holder when the reported model is
   * active (loaded once there and kept for the command's later uses), else on a model loaded for it.
   */
  private static Probe probe(Application app, ModelVersion version, ExampleSource examples) {
    List<TrainingExample> sample = new ArrayList<>();
    examples.forEach(example -> {
      if (sample.size() < UTILISATION_RESOURCES) {
        sample.add(example);
      }
    });
    if (sample.isEmpty()) {
      return new Probe(Optional.empty(), Optional.empty());
    }
    QualityAggregationPolicy aggregation = app.get(QualityAggregationPolicy.class);
    ModelRegistry registry = app.get(ModelRegistry.class);
    if (registry.active().filter(record -> record.version().equals(version)).isPresent()) {
      Optional<Probe> probe =
          app.get(ActiveModelHolder.class).withActiveModel((record, model) -> record.version().equals(version)
              ? Optional.of(probe(model, sample, aggregation))
              : Optional.empty());
      if (probe.isPresent()) {
        return probe.get();
      }
    }
    try (QualityModel model = app.get(QualityModelLoader.class).load(registry.loadArtifact(version))) {
      return probe(model, sample, aggregation);
    }
  }

  private static Probe probe(QualityModel model, List<TrainingExample> sample, QualityAggregationPolicy configured) {
    QualityAggregationPolicy aggregation = configured.forTasks(model.tasks());
    List<Resource> resources = sample.stream().map(TrainingExample::resource).toList();
    List<Prediction> predictions = model.predict(resources);
    long[] counts = new long[4]; // high-high, high-low, low-high, low-low
    for (int i = 0; i < sample.size(); i++) {
      Map<TaskName, Label> labels = sample.get(i).labels();
      Map<TaskName, Label> predicted = new HashMap<>();
      Map<TaskName, TaskPrediction> tasks = predictions.get(i).tasks();
      labels.keySet().forEach(task -> {
        if (tasks.containsKey(task)) {
          predicted.put(task, tasks.get(task).label());
        }
      });
      boolean labelledHigh = aggregation.aggregate(labels) == QualityClass.HIGH;
      boolean predictedHigh = aggregation.aggregate(predicted) == QualityClass.HIGH;
      counts[(labelledHigh ? 0 : 2) + (predictedHigh ? 0 : 1)]++;
    }
    return new Probe(
        model.expertUtilisation(resources),
        Optional.of(new QualityConfusion(aggregation.spec(), counts[0], counts[1], counts[2], counts[3])));
  }

}
