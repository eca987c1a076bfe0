package io.mmq.app.cli;

import com.google.protobuf.util.JsonFormat;
import io.mmq.app.Application;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.grpc.mapping.TrainingMapper;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.Evaluation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mmq train}: trains on a window's labelled resources; the model becomes active when none is
 * active yet, otherwise it stays a candidate to promote. Prints the held-out evaluation.
 */
@Command(name = "train", description = "Train a model on a window's labelled resources (--from A --to B [--seed N]).")
final class TrainCommand extends AppCommand {
  static final int NOT_TRAINED = 4;

  @Mixin WindowOptions window;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation, shuffling and the hold-out split (default 42).")
  long seed = 42;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A hyperparameter, e.g. --set steps=400 --set channel.image=false.")
  Map<String, String> hyperparameters = new LinkedHashMap<>();

  @Option(names = "--fine-tune", paramLabel = "VERSION", description = "Start from this model's weights.")
  String fineTune;

  @Mixin ReportOptions report;

  @Override
  int run(Application app) throws Exception {
    TrainModelCommand command =
        TrainModelCommand.of(window.window(spec.commandLine()), seed).withHyperparameters(hyperparameters);
    if (fineTune != null) {
      command = command.fineTuning(ModelVersion.of(fineTune));
    }
    long started = System.nanoTime();
    Reports.ProgressLog progress = new Reports.ProgressLog(progressPrinter(err()));
    TrainModelResult result = app.get(TrainModelUseCase.class).train(command, progress);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!result.succeeded()) {
      err().println("mmq train: job " + result.job().id() + " ended " + result.job().state()
          + result.job().error().map(e -> ": " + e).orElse(""));
      return NOT_TRAINED;
    }
    var model = result.model().orElseThrow();
    Evaluation evaluation =
        TrainingMapper.trainingEvaluation(result, result.activated() ? Decision.PROMOTED : Decision.KEEP);
    err().printf("trained %s on %d examples (%d held out) in %.1f s; %s%n", model.version(),
        result.trainingExamples(), result.validationExamples(), seconds,
        result.activated() ? "it is now the active model" : "it is a CANDIDATE: promote it with `mmq models promote " + model.version() + "`");
    Optional<Path> written =
        Reports.training(app, report, command, result, evaluation, progress.progress(), err());
    printEvaluation(evaluation, written, json, out());
    return 0;
  }

  static TrainingObserver progressPrinter(java.io.PrintWriter err) {
    return new TrainingObserver() {
      @Override
      public void onStarted(TrainingJob job) {
        err.println("training job " + job.id() + " started on " + job.window());
        err.flush();
      }

      @Override
      public void onProgress(TrainingProgress progress) {
        StringBuilder line = new StringBuilder("step " + progress.step() + "/" + progress.totalSteps());
        progress.taskLoss().forEach((task, loss) -> line.append(String.format(" %s.loss=%.4f", task, loss)));
        progress.validationAuc().forEach((task, auc) -> line.append(String.format(" %s.auc=%.3f", task, auc)));
        err.println(line);
        err.flush();
      }
    };
  }

  /** The evaluation as it prints with --json, for embedding in a larger report. */
  static Json.Raw evaluationMap(Evaluation evaluation) throws Exception {
    return new Json.Raw(JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace().print(evaluation));
  }

  /** The evaluation on stdout; with --json one object, with the report's path as {@code "report"}. */
  static void printEvaluation(
      Evaluation evaluation, Optional<Path> report, boolean json, java.io.PrintWriter out) throws Exception {
    if (json) {
      String object = evaluationMap(evaluation).json();
      out.println(object.substring(0, object.length() - 1) + ",\"report\":" + Json.write(Reports.json(report)) + "}");
    } else {
      out.printf("model %s: evaluated %d, accuracy %.3f (coincidence >= %.2f), decision %s%n",
          evaluation.getModelVersion(), evaluation.getEvaluated(), evaluation.getAccuracy(),
          evaluation.getCoincidenceThreshold(), evaluation.getDecision());
      evaluation.getTasksMap().forEach((task, t) -> out.printf(
          "  %-12s auc %.3f  accuracy %.3f  labelled %d  positive rate %.2f  log-loss %.3f  ECE %.3f%n",
          task, t.getAuc(), t.getAccuracy(), t.getLabelled(), t.getPositiveRate(), t.getLogLoss(), t.getCalibrationError()));
    }
    out.flush();
  }
}
