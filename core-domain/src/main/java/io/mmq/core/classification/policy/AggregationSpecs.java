package io.mmq.core.classification.policy;

import io.mmq.core.label.model.Label;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Parsing and counting shared by the {@link QualityAggregationPolicy} variants. */
final class AggregationSpecs {
  static final String FORMS = "ALL, MAJORITY, AT_LEAST:k (k >= 1) or WEIGHTED:t (0 < t <= 1)";

  private AggregationSpecs() {}

  /** {@code {positive, total}} labels; rejects null labels. */
  static long[] count(Map<TaskName, Label> labels) {
    Objects.requireNonNull(labels, "labels is null");
    long positive = 0;
    for (Map.Entry<TaskName, Label> entry : labels.entrySet()) {
      Objects.requireNonNull(entry.getValue(), "label of task '" + entry.getKey() + "' is null");
      if (entry.getValue().isPositive()) {
        positive++;
      }
    }
    return new long[] {positive, labels.size()};
  }

  /** Parses a spec; {@code tasks} may be null when the caller has no weights to offer. */
  static QualityAggregationPolicy parse(String spec, TaskSet tasks) {
    Objects.requireNonNull(spec, "aggregation is null");
    String trimmed = spec.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("aggregation is blank; expected " + FORMS);
    }
    int colon = trimmed.indexOf(':');
    String name =
        (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
    String argument = colon < 0 ? null : trimmed.substring(colon + 1).trim();
    switch (name) {
      case "ALL":
        noArgument(name, argument, spec);
        return QualityAggregationPolicy.ALL;
      case "MAJORITY":
        noArgument(name, argument, spec);
        return QualityAggregationPolicy.MAJORITY;
      case "AT_LEAST":
        return QualityAggregationPolicy.atLeast(count(argument, spec));
      case "WEIGHTED":
        double threshold = threshold(argument, spec);
        if (tasks == null) {
          throw new IllegalArgumentException(
              "aggregation '" + spec + "' needs task weights: parse it with the task set");
        }
        return QualityAggregationPolicy.weighted(tasks, threshold);
      default:
        throw new IllegalArgumentException(
            "unknown aggregation '" + spec + "'; expected " + FORMS);
    }
  }

  private static void noArgument(String name, String argument, String spec) {
    if (argument != null) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': " + name + " takes no parameter");
    }
  }

  private static int count(String argument, String spec) {
    if (argument == null || argument.isEmpty()) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': AT_LEAST needs a count, e.g. AT_LEAST:2");
    }
    int count;
    try {
      count = Integer.parseInt(argument);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': AT_LEAST count '" + argument + "' is not an integer", e);
    }
    if (count < 1) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': AT_LEAST count must be at least 1, was " + count);
    }
    return count;
  }

  private static double threshold(String argument, String spec) {
    if (argument == null || argument.isEmpty()) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': WEIGHTED needs a threshold, e.g. WEIGHTED:0.5");
    }
    if (!argument.matches("\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': WEIGHTED threshold '" + argument + "' is not a number");
    }
    double threshold = Double.parseDouble(argument);
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "aggregation '" + spec + "': WEIGHTED threshold must be in (0, 1], was " + argument);
    }
    return threshold;
  }
}
