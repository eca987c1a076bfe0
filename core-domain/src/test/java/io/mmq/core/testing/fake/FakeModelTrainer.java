package io.mmq.core.testing.fake;

import io.mmq.core.label.model.Label;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingCancelledException;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.out.ModelTrainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic {@link ModelTrainer} for tests: it learns, per task, the positive rate overall
 * and per title token (see {@link FakeModelData}), and writes what it learned into the artifact,
 * which {@link FakeQualityModelLoader} loads. Training runs {@code steps} steps; step {@code s}
 * learns the examples whose index {@code i} has {@code i % steps == s - 1}, then reports the
 * examples learned so far and the validation log-loss and AUC per task. The listener is polled before every step, and a cancel
 * throws {@link TrainingCancelledException}. Fine-tuning continues from the base model's counts
 * (same tasks required).
 *
 * <p>Hyperparameters: {@code steps} (1-10000, default 5), {@code smoothing} (&gt; 0, default 1),
 * {@code lossThreshold} (&gt; 0, default none: training stops, {@link StopReason#CONVERGED}, after
 * the first step whose reported loss is below it for every task that has one; otherwise it runs
 * every step, {@link StopReason#STEP_CAP}) and {@code fake.invert} ({@code true} makes a
 * deliberately wrong model); any other name is an {@link IllegalArgumentException}, as a real
 * trainer does.
 *
 * <p>Test hooks, each used once by the next training that reaches the step: {@link #onStep} runs
 * an action before a step (e.g. to cancel the job), {@link #failAtStep} throws at a step.
 */
public final class FakeModelTrainer implements ModelTrainer {
  public static final int DEFAULT_STEPS = 5;
  public static final double DEFAULT_SMOOTHING = 1.0;

  /** One call of {@link #train}: what it was given. */
  public record Call(
      TaskSet tasks,
      TrainingConfig config,
      Optional<String> fineTuneChecksum,
      List<ResourceId> training,
      List<ResourceId> validation) {
    public Call {
      training = List.copyOf(training);
      validation = List.copyOf(validation);
    }
  }

  private final Map<Integer, Runnable> stepActions = new ConcurrentHashMap<>();
  private final Map<Integer, RuntimeException> stepFailures = new ConcurrentHashMap<>();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

  /** Runs {@code action} just before step {@code step} of the next training that reaches it. */
  public FakeModelTrainer onStep(int step, Runnable action) {
    stepActions.put(step, Objects.requireNonNull(action, "action is null"));
    return this;
  }

  /** Makes the next training that reaches {@code step} throw {@code error} there. */
  public FakeModelTrainer failAtStep(int step, RuntimeException error) {
    stepFailures.put(step, Objects.requireNonNull(error, "error is null"));
    return this;
  }

  /** Every call so far, oldest first. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public Call lastCall() {
    synchronized (calls) {
      if (calls.isEmpty()) {
        throw new IllegalStateException("the fake trainer has not been called");
      }
      return calls.get(calls.size() - 1);
    }
  }

  @Override
  public TrainedModel train(
      TaskSet tasks,
      ExampleSource training,
      ExampleSource validation,
      TrainingConfig config,
      Optional<ModelArtifact> fineTuneFrom,
      TrainingListener listener) {
    Objects.requireNonNull(tasks, "tasks is null");
    Objects.requireNonNull(training, "training is null");
    Objects.requireNonNull(validation, "validation is null");
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(fineTuneFrom, "fineTuneFrom is null");
    Objects.requireNonNull(listener, "listener is null");
    Settings settings = Settings.of(config);
    FakeModelData data = start(tasks, config.seed(), settings, fineTuneFrom);
    List<ResourceId> trainingIds = ids(training);
    List<ResourceId> validationIds = ids(validation);
    calls.add(
        new Call(tasks, config, fineTuneFrom.map(ModelArtifact::checksum), trainingIds,
            validationIds));
    Map<String, Double> metrics = new TreeMap<>();
    long[] learned = {0};
    int steps = 0;
    StopReason stopReason = StopReason.STEP_CAP;
    for (int step = 1; step <= settings.steps(); step++) {
      Runnable action = stepActions.remove(step);
      if (action != null) {
        action.run();
      }
      RuntimeException failure = stepFailures.remove(step);
      if (failure != null) {
        throw failure;
      }
      if (listener.isCancelled()) {
        throw new TrainingCancelledException("training cancelled before step " + step);
      }
      int current = step;
      int[] index = {0};
      training.forEach(
          example -> {
            if (index[0]++ % settings.steps() == current - 1) {
              data.learn(example.resource(), example.labels());
              learned[0]++;
            }
          });
      Map<TaskName, Double> loss = new TreeMap<>();
      Map<TaskName, Double> auc = new TreeMap<>();
      evaluate(data, validation, loss, auc);
      listener.onProgress(new TrainingProgress(step, settings.steps(), learned[0], loss, auc));
      steps = step;
      boolean converged =
          settings.lossThreshold().isPresent()
              && !loss.isEmpty()
              && loss.values().stream().allMatch(value -> value < settings.lossThreshold().get());
      if (converged && step < settings.steps()) {
        stopReason = StopReason.CONVERGED;
      }
      if (step == settings.steps() || stopReason == StopReason.CONVERGED) {
        loss.forEach((task, value) -> metrics.put("loss." + task, value));
        auc.forEach((task, value) -> metrics.put("auc." + task, value));
        break;
      }
    }
    metrics.put("examples", (double) trainingIds.size());
    metrics.put("validationExamples", (double) validationIds.size());
    return new TrainedModel(
        ModelArtifact.of(data.encode()), settings.asMap(), metrics, steps, stopReason);
  }

  private static FakeModelData start(
      TaskSet tasks, long seed, Settings settings, Optional<ModelArtifact> fineTuneFrom) {
    if (fineTuneFrom.isEmpty()) {
      return new FakeModelData(tasks, seed, settings.smoothing(), settings.invert());
    }
    FakeModelData base = FakeModelData.decode(fineTuneFrom.get().bytes());
    if (!base.tasks.equals(tasks)) {
      throw new IllegalArgumentException(
          "cannot fine-tune: the base model predicts " + base.tasks.names() + ", not "
              + tasks.names());
    }
    return base.continued(seed, settings.smoothing(), settings.invert());
  }

  private static List<ResourceId> ids(ExampleSource source) {
    List<ResourceId> ids = new ArrayList<>();
    source.forEach(example -> ids.add(example.resource().id()));
    return ids;
  }

  private static void evaluate(
      FakeModelData data,
      ExampleSource validation,
      Map<TaskName, Double> loss,
      Map<TaskName, Double> auc) {
    Map<TaskName, List<double[]>> scored = new TreeMap<>();
    validation.forEach(
        (TrainingExample example) ->
            example.labels().forEach(
                (task, label) -> {
                  if (data.priors.containsKey(task)) {
                    double p = data.probability(task, example.resource());
                    scored.computeIfAbsent(task, t -> new ArrayList<>())
                        .add(new double[] {p, label == Label.POSITIVE ? 1 : 0});
                  }
                }));
    scored.forEach(
        (task, pairs) -> {
          loss.put(task, FakeMetrics.logLoss(pairs));
          double value = FakeMetrics.auc(pairs);
          if (!Double.isNaN(value)) {
            auc.put(task, value);
          }
        });
  }

  /** The hyperparameters the fake understands, with defaults filled in. */
  private record Settings(
      int steps, double smoothing, Optional<Double> lossThreshold, boolean invert) {
    private static final Set<String> KNOWN =
        Set.of("steps", "smoothing", "lossThreshold", "fake.invert");

    static Settings of(TrainingConfig config) {
      for (String key : config.hyperparameters().keySet()) {
        if (!KNOWN.contains(key)) {
          throw new IllegalArgumentException(
              "unknown hyperparameter '" + key + "'; known: " + new TreeSet<>(KNOWN));
        }
      }
      int steps = config.get("steps").map(v -> parseInt("steps", v)).orElse(DEFAULT_STEPS);
      if (steps < 1 || steps > 10_000) {
        throw new IllegalArgumentException("hyperparameter steps must be in [1, 10000], was " + steps);
      }
      double smoothing =
          config.get("smoothing").map(v -> parseDouble("smoothing", v)).orElse(DEFAULT_SMOOTHING);
      if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
        throw new IllegalArgumentException(
            "hyperparameter smoothing must be a positive number, was " + smoothing);
      }
      Optional<Double> lossThreshold =
          config.get("lossThreshold").map(v -> parseDouble("lossThreshold", v));
      if (lossThreshold.isPresent()
          && (!(lossThreshold.get() > 0) || lossThreshold.get().isInfinite())) {
        throw new IllegalArgumentException(
            "hyperparameter lossThreshold must be a positive number, was " + lossThreshold.get());
      }
      String invert = config.get("fake.invert").orElse("false");
      if (!invert.equals("true") && !invert.equals("false")) {
        throw new IllegalArgumentException(
            "hyperparameter fake.invert must be true or false, was '" + invert + "'");
      }
      return new Settings(steps, smoothing, lossThreshold, invert.equals("true"));
    }

    Map<String, String> asMap() {
      Map<String, String> map = new TreeMap<>();
      map.put("steps", Integer.toString(steps));
      map.put("smoothing", Double.toString(smoothing));
      lossThreshold.ifPresent(value -> map.put("lossThreshold", Double.toString(value)));
      map.put("fake.invert", Boolean.toString(invert));
      return map;
    }

    private static int parseInt(String key, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "hyperparameter " + key + " must be an integer, was '" + value + "'", e);
      }
    }

    private static double parseDouble(String key, String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "hyperparameter " + key + " must be a number, was '" + value + "'", e);
      }
    }
  }
}
