package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.app.report.EvaluationFigures;
import io.mmq.app.report.ReportContent;
import io.mmq.app.report.ReportWriter;
import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.training.model.ExampleSource;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the HTML reports of {@code train}, {@code validate} and {@code quickstart} (see {@link
 * ReportWriter}): gathers the training progress, the evaluated pairs, and the model's expert
 * utilisation on the evaluated resources (at most {@value #UTILISATION_RESOURCES} of them). A report
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
      return new ReportContent(
          "Training report", model.version().value(), command.window(), evaluated, model.tasks().names(),
          EvaluationFigures.of(evaluation), progress,
          result.heldOut().map(HeldOutEvaluation::scored).orElse(Map.of()),
          utilisation(app, model.version(), heldOut), sample(evaluated));
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
      return new ReportContent(
          result.update().isPresent() ? "Validation report (with update)" : "Validation report",
          version.value(), window, evaluated, model.tasks().names(), EvaluationFigures.of(evaluation),
          progress, result.scored(), utilisation(app, version, examples), sample(evaluated));
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

  /**
   * Measured on the active model's holder when the reported model is active (loaded once there and
   * kept for the command's later uses), else on a model loaded for it.
   */
  private static Optional<ExpertUtilisation> utilisation(
      Application app, ModelVersion version, ExampleSource examples) {
    List<Resource> resources = new ArrayList<>();
    examples.forEach(example -> {
      if (resources.size() < UTILISATION_RESOURCES) {
        resources.add(example.resource());
      }
    });
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    ModelRegistry registry = app.get(ModelRegistry.class);
    if (registry.active().filter(record -> record.version().equals(version)).isPresent()) {
      Optional<Optional<ExpertUtilisation>> measured =
          app.get(ActiveModelHolder.class).withActiveModel((record, model) -> record.version().equals(version)
              ? Optional.of(model.expertUtilisation(resources))
              : Optional.empty());
      if (measured.isPresent()) {
        return measured.get();
      }
    }
    try (QualityModel model = app.get(QualityModelLoader.class).load(registry.loadArtifact(version))) {
      return model.expertUtilisation(resources);
    }
  }

}
