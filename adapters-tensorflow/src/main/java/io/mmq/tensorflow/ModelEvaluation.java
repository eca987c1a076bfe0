package io.mmq.tensorflow;

import io.mmq.core.task.model.Task;
import io.mmq.core.validation.model.TaskMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of a trained model on a labelled set, as stored in {@code TrainedModel.metrics}:
 * per task {@code <task>.auc}, {@code .accuracy}, {@code .logLoss}, {@code .calibrationError},
 * {@code .labelled}, {@code .positiveRate}; per task and expert the mean gate weight {@code
 * gate.<task>.expert<i>} over all evaluated examples (expert utilisation: a collapsed gate puts
 * ~1.0 on one expert); and {@code evaluated}. Undefined figures (AUC with one class) are left out.
 */
final class ModelEvaluation {
  private static final int BATCH = 256;

  private ModelEvaluation() {}

  static Map<String, Double> evaluate(
      InferenceModel model, LabelledAttributes.Source source, List<Task> tasks) {
    TaskScores scores = new TaskScores(tasks.size());
    double[][] gateSums = new double[tasks.size()][];
    long[] evaluated = {0};
    List<LabelledAttributes> chunk = new ArrayList<>();
    Runnable flush =
        () -> {
          FeatureBatch batch = model.encoder().encodeLabelled(chunk);
          InferenceModel.Scores s = model.score(batch);
          scores.add(s.probabilities(), batch.floats(ModelInput.LABELS), batch.floats(ModelInput.LABEL_MASK));
          if (s.gates() != null) {
            for (float[][] row : s.gates()) {
              for (int t = 0; t < tasks.size(); t++) {
                if (gateSums[t] == null) {
                  gateSums[t] = new double[row[t].length];
                }
                for (int e = 0; e < row[t].length; e++) {
                  gateSums[t][e] += row[t][e];
                }
              }
            }
          }
          evaluated[0] += chunk.size();
          chunk.clear();
        };
    source.forEach(
        example -> {
          chunk.add(example);
          if (chunk.size() == BATCH) {
            flush.run();
          }
        });
    if (!chunk.isEmpty()) {
      flush.run();
    }
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("evaluated", (double) evaluated[0]);
    for (int t = 0; t < tasks.size(); t++) {
      String name = tasks.get(t).name().value();
      TaskMetrics m = scores.metrics(t);
      putDefined(metrics, name + ".auc", m.auc());
      putDefined(metrics, name + ".accuracy", m.accuracy());
      putDefined(metrics, name + ".logLoss", m.logLoss());
      putDefined(metrics, name + ".calibrationError", m.calibrationError());
      putDefined(metrics, name + ".positiveRate", m.positiveRate());
      metrics.put(name + ".labelled", (double) m.labelled());
      if (evaluated[0] > 0) {
        double[] sums = gateSums[t];
        if (sums == null) { // hard sharing: one shared bottom takes everything
          metrics.put("gate." + name + ".expert0", 1.0);
        } else {
          for (int e = 0; e < sums.length; e++) {
            metrics.put("gate." + name + ".expert" + e, sums[e] / evaluated[0]);
          }
        }
      }
    }
    return metrics;
  }

  private static void putDefined(Map<String, Double> metrics, String key, double value) {
    if (!Double.isNaN(value)) {
      metrics.put(key, value);
    }
  }
}
