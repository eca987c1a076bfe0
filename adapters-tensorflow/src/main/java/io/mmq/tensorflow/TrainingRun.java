package io.mmq.tensorflow;

import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainingCancelledException;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One training (R12): streams mini-batches through a seeded shuffle buffer, one Adam step each,
 * and every {@code evalEvery} steps measures the validation AUC per task, reports progress, and
 * decides whether to stop: step cap reached, every labelled task's mean loss under its threshold,
 * or no better mean validation AUC for {@code patience} evaluations (early stopping). The weights
 * of the best evaluation are kept. The listener is polled before every step and evaluation batch.
 * Once done, the run leaves the example stream by throwing a private unchecked exception out of
 * the source's consumer, so a source must let unchecked exceptions pass (and release what it holds
 * in a finally block).
 */
final class TrainingRun {
  private static final int EVAL_BATCH = 256;

  private final FeatureEncoder encoder;
  private final List<Task> tasks;
  private final long seed;
  private final Optional<Weights> start;
  private final TrainingListener listener;
  private final ModelConfig.Schedule schedule;

  TrainingRun(FeatureEncoder encoder, List<Task> tasks, long seed, Optional<Weights> start, TrainingListener listener) {
    this.encoder = encoder;
    this.tasks = List.copyOf(tasks);
    this.seed = seed;
    this.start = start;
    this.listener = listener;
    this.schedule = encoder.shapes().config().schedule();
  }

  /** What a training produced. */
  record Outcome(Weights weights, int steps, int bestStep, StopReason reason, Map<TaskName, Double> lastLoss) {}

  Outcome run(LabelledAttributes.Source training, LabelledAttributes.Source validation) {
    float[] taskWeights = new float[tasks.size()];
    for (int t = 0; t < tasks.size(); t++) {
      taskWeights[t] = (float) tasks.get(t).weight();
    }
    try (Graph graph = new Graph()) {
      TrainingGraph model = new TrainingGraph(graph, encoder.shapes(), taskWeights, seed, start);
      try (Session session = new Session(graph, TfSessions.CONFIG)) {
        session.initialize();
        return new Loop(model, session, validation).run(training);
      }
    }
  }

  /** Thrown inside the example stream to leave it once training is done. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  private final class Loop {
    private final TrainingGraph model;
    private final Session session;
    private final LabelledAttributes.Source validation;
    private final ShuffleBuffer<LabelledAttributes> buffer;
    private final List<LabelledAttributes> pending = new ArrayList<>();
    private final double[] lossSum = new double[tasks.size()];
    private final double[] lossCount = new double[tasks.size()];
    private Map<TaskName, Double> lastLoss = Map.of();
    private int step;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private Weights bestWeights;
    private int bestStep;
    private int evaluationsWithoutGain;
    private StopReason reason;

    Loop(TrainingGraph model, Session session, LabelledAttributes.Source validation) {
      this.model = model;
      this.session = session;
      this.validation = validation;
      this.buffer = new ShuffleBuffer<>(schedule.shuffleBuffer(), new Random(seed));
    }

    Outcome run(LabelledAttributes.Source training) {
      while (reason == null) {
        long[] seen = {0};
        try {
          training.forEach(
              example -> {
                seen[0]++;
                emit(buffer.offer(example));
              });
          buffer.drain(this::emit);
        } catch (Stop stop) {
          break;
        }
        if (seen[0] == 0) {
          throw new IllegalArgumentException("the training set is empty");
        }
      }
      Weights weights = bestWeights != null ? bestWeights : snapshot();
      return new Outcome(weights, step, bestWeights != null ? bestStep : step, reason, lastLoss);
    }

    private void emit(LabelledAttributes example) {
      if (example == null) {
        return;
      }
      pending.add(example);
      if (pending.size() == schedule.batchSize()) {
        trainStep();
        pending.clear();
        if (reason != null) {
          throw new Stop();
        }
      }
    }

    private void trainStep() {
      checkCancelled();
      FeatureBatch batch = encoder.encodeLabelled(pending);
      Session.Runner runner = session.runner().setOptions(TfSessions.RUN);
      try (FeatureBatch.BatchTensors tensors = batch.toTensors()) {
        model.feed(runner, tensors, batch.rows());
        runner.addTarget(model.trainOp()).fetch(model.taskLoss()).fetch(model.taskCount());
        try (Result result = runner.run()) {
          float[] loss = TfSessions.values((TFloat32) result.get(0));
          float[] count = TfSessions.values((TFloat32) result.get(1));
          for (int t = 0; t < loss.length; t++) {
            lossSum[t] += (double) loss[t] * count[t];
            lossCount[t] += count[t];
          }
        }
      }
      step++;
      if (step % schedule.evalEvery() == 0 || step == schedule.steps()) {
        checkpoint();
      }
    }

    private void checkpoint() {
      Map<TaskName, Double> loss = new LinkedHashMap<>();
      boolean converged = false;
      boolean allUnder = true;
      for (int t = 0; t < tasks.size(); t++) {
        if (lossCount[t] > 0) {
          double mean = lossSum[t] / lossCount[t];
          loss.put(tasks.get(t).name(), mean);
          converged = true;
          allUnder &= mean < schedule.lossThreshold(tasks.get(t).name().value());
        }
        lossSum[t] = 0;
        lossCount[t] = 0;
      }
      lastLoss = Map.copyOf(loss);
      Map<TaskName, Double> auc = validationAuc();
      listener.onProgress(
          new TrainingProgress(step, schedule.steps(), (long) step * schedule.batchSize(), loss, auc));
      if (!auc.isEmpty()) {
        double score = auc.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (score > bestScore) {
          bestScore = score;
          bestWeights = snapshot();
          bestStep = step;
          evaluationsWithoutGain = 0;
        } else {
          evaluationsWithoutGain++;
        }
      }
      if (step >= schedule.steps()) {
        reason = StopReason.STEP_CAP;
      } else if (converged && allUnder) {
        reason = StopReason.CONVERGED;
      } else if (schedule.patience() > 0 && evaluationsWithoutGain >= schedule.patience()) {
        reason = StopReason.EARLY_STOPPED;
      }
    }

    private Map<TaskName, Double> validationAuc() {
      TaskScores scores = new TaskScores(tasks.size());
      List<LabelledAttributes> chunk = new ArrayList<>();
      validation.forEach(
          example -> {
            chunk.add(example);
            if (chunk.size() == EVAL_BATCH) {
              score(chunk, scores);
              chunk.clear();
            }
          });
      if (!chunk.isEmpty()) {
        score(chunk, scores);
      }
      Map<TaskName, Double> auc = new LinkedHashMap<>();
      for (int t = 0; t < tasks.size(); t++) {
        double value = scores.auc(t);
        if (!Double.isNaN(value)) {
          auc.put(tasks.get(t).name(), value);
        }
      }
      return auc;
    }

    private void score(List<LabelledAttributes> chunk, TaskScores scores) {
      checkCancelled();
      FeatureBatch batch = encoder.encodeLabelled(chunk);
      Session.Runner runner = session.runner().setOptions(TfSessions.RUN);
      try (FeatureBatch.BatchTensors tensors = batch.toTensors()) {
        model.network().feed(runner, tensors, batch.rows());
        try (Result result = runner.fetch(model.network().probabilities()).run()) {
          float[][] p = TfSessions.matrix((TFloat32) result.get(0), batch.rows(), tasks.size());
          scores.add(p, batch.floats(ModelInput.LABELS), batch.floats(ModelInput.LABEL_MASK));
        }
      }
    }

    private Weights snapshot() {
      Session.Runner runner = session.runner().setOptions(TfSessions.RUN);
      List<Map.Entry<String, Variable<TFloat32>>> variables = new ArrayList<>(model.variables().entrySet());
      variables.forEach(e -> runner.fetch(e.getValue()));
      Map<String, Weights.Entry> entries = new LinkedHashMap<>();
      try (Result result = runner.run()) {
        for (int i = 0; i < variables.size(); i++) {
          TFloat32 value = (TFloat32) result.get(i);
          entries.put(variables.get(i).getKey(), new Weights.Entry(value.shape().asArray(), TfSessions.values(value)));
        }
      }
      return new Weights(entries);
    }

    private void checkCancelled() {
      if (listener.isCancelled()) {
        throw new TrainingCancelledException("training cancelled at step " + step);
      }
    }
  }
}
