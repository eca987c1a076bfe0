package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.app.baseline.LogisticBaseline;
import io.mmq.app.baseline.LogisticRegression;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.service.HoldoutSplit;
import io.mmq.core.training.service.LabelledExamples;
import io.mmq.core.validation.model.HeldOutEvaluation;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.service.ModelEvaluator;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmq baseline}: trains one logistic regression per task on a training window's labelled
 * resources (the same attributes, the same hold-out split for model selection as {@code mmq train}
 * with the same seed) and evaluates it on another window's labels exactly as {@code mmq validate}
 * evaluates the active model. Stores nothing.
 */
@Command(name = "baseline", description = "Train a per-task logistic regression baseline and evaluate it (--train-from A --train-to B --from C --to D).")
final class BaselineCommand extends AppCommand {
  @Option(names = "--train-from", required = true, paramLabel = "ISO", description = "Training window start (inclusive): instant or UTC date.")
  String trainFrom;

  @Option(names = "--train-to", required = true, paramLabel = "ISO", description = "Training window end (exclusive).")
  String trainTo;

  @Option(names = "--from", required = true, paramLabel = "ISO", description = "Evaluation window start (inclusive).")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ISO", description = "Evaluation window end (exclusive).")
  String to;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the hold-out split and the shuffling (default 42, as train).")
  long seed = 42;

  @Option(names = "--bits", paramLabel = "B", description = "Hashed feature space of 2^B weights (default 20).")
  int bits = 20;

  @Override
  int run(Application app) {
    TimeWindow training = WindowOptions.window(trainFrom, "--train-from", trainTo, "--train-to", spec.commandLine());
    TimeWindow evaluation = WindowOptions.window(from, "--from", to, "--to", spec.commandLine());
    Labels labels = app.get(Labels.class);
    Resources resources = app.get(Resources.class);
    TaskSet tasks = app.get(TaskSets.class).current();
    HoldoutSplit split = new HoldoutSplit(seed, TrainModelCommand.DEFAULT_VALIDATION_FRACTION);
    long started = System.nanoTime();
    LogisticBaseline.Trained trained = LogisticBaseline.train(
        tasks,
        LabelledExamples.kept(labels, resources, training, tasks, split),
        LabelledExamples.heldOut(labels, resources, training, tasks, split),
        bits, LogisticRegression.Settings.DEFAULT, seed);
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    err().printf("baseline trained on %d examples (%d held out for model selection) in %.1f s%n",
        trained.examples(), trained.heldOut(), trainSeconds);
    HeldOutEvaluation result;
    try (LogisticBaseline model = trained.model()) {
      result = ModelEvaluator.heldOut(
          model, new LabelledExamples(labels, resources, evaluation, tasks, labelled -> true), evaluation,
          app.get(ValidationPolicy.class));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("model", "logistic-regression");
    report.put("trainWindow", Map.of("start", training.start().toString(), "end", training.end().toString()));
    report.put("window", Map.of("start", evaluation.start().toString(), "end", evaluation.end().toString()));
    report.put("trainingExamples", trained.examples());
    report.put("heldOutExamples", trained.heldOut());
    report.put("trainSeconds", Math.round(trainSeconds * 10) / 10.0);
    report.put("evaluated", result.evaluated());
    report.put("accurate", result.accurate());
    report.put("accuracy", result.accuracy());
    report.put("coincidenceThreshold", result.coincidenceThreshold());
    Map<String, Object> taskReports = new LinkedHashMap<>();
    result.tasks().forEach((task, m) -> {
      LogisticRegression.Fit fit = trained.fits().get(task);
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("auc", m.auc());
      t.put("accuracy", m.accuracy());
      t.put("labelled", m.labelled());
      t.put("positiveRate", m.positiveRate());
      t.put("logLoss", m.logLoss());
      t.put("calibrationError", m.calibrationError());
      t.put("l2", fit.l2());
      t.put("epochs", fit.epochs());
      t.put("heldOutAuc", fit.heldOutAuc());
      taskReports.put(task.value(), t);
    });
    report.put("tasks", taskReports);
    if (json) {
      printJson(report);
    } else {
      out().printf("logistic regression: evaluated %d, accuracy %.3f (coincidence >= %.2f)%n",
          result.evaluated(), result.accuracy(), result.coincidenceThreshold());
      result.tasks().forEach((task, m) -> out().printf(
          "  %-12s auc %.3f  accuracy %.3f  labelled %d  log-loss %.3f  ECE %.3f  (l2 %.0e, %d epochs)%n",
          task, m.auc(), m.accuracy(), m.labelled(), m.logLoss(), m.calibrationError(),
          trained.fits().get(task).l2(), trained.fits().get(task).epochs()));
      out().flush();
    }
    return 0;
  }
}
