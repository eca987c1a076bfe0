package io.mmq.app.report;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.TaskEvaluation;
import io.mmq.proto.v1.TimeWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of an evaluation as {@code --json} prints them (same field names): one row per
 * field, the nested ones prefixed ({@code update.candidateVersion}), and the per-task figures as a
 * table with a column per field of {@code TaskEvaluation}, tasks by name. Read from the message's
 * descriptor, so a field added to the API shows up here too.
 */
public record EvaluationFigures(
    Map<String, String> summary, List<String> taskColumns, Map<String, List<String>> tasks) {

  public EvaluationFigures {
    summary = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(summary, "summary is null")));
    taskColumns = List.copyOf(Objects.requireNonNull(taskColumns, "taskColumns is null"));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(tasks, "tasks is null").forEach((task, row) -> copy.put(task, List.copyOf(row)));
    tasks = Collections.unmodifiableMap(copy);
  }

  public static EvaluationFigures of(Evaluation evaluation) {
    Objects.requireNonNull(evaluation, "evaluation is null");
    Map<String, String> summary = new LinkedHashMap<>();
    rows("", evaluation, summary);
    List<String> columns = new ArrayList<>();
    TaskEvaluation.getDescriptor().getFields().forEach(field -> columns.add(field.getJsonName()));
    Map<String, List<String>> tasks = new LinkedHashMap<>();
    new TreeMap<>(evaluation.getTasksMap())
        .forEach(
            (task, figures) -> {
              List<String> row = new ArrayList<>();
              TaskEvaluation.getDescriptor().getFields().forEach(field -> row.add(value(field, figures.getField(field))));
              tasks.put(task, row);
            });
    return new EvaluationFigures(summary, columns, tasks);
  }

  private static void rows(String prefix, Message message, Map<String, String> summary) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      String name = prefix + field.getJsonName();
      if (field.isMapField() || field.isRepeated()) {
        continue; // the per-task map: the table
      }
      Object value = message.getField(field);
      if (value instanceof Timestamp timestamp) {
        summary.put(name, message.hasField(field) ? Timestamps.toString(timestamp) : "");
      } else if (value instanceof TimeWindow window) {
        summary.put(name, message.hasField(field)
            ? Timestamps.toString(window.getStart()) + " .. " + Timestamps.toString(window.getEnd())
            : "");
      } else if (value instanceof Message nested) {
        if (message.hasField(field)) {
          rows(name + ".", nested, summary);
        }
      } else {
        summary.put(name, value(field, value));
      }
    }
  }

  private static String value(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case DOUBLE, FLOAT -> {
        double d = ((Number) value).doubleValue();
        yield Double.isNaN(d) ? "NaN" : String.format(Locale.ROOT, "%.4f", d);
      }
      case ENUM -> ((com.google.protobuf.Descriptors.EnumValueDescriptor) value).getName();
      default -> String.valueOf(value);
    };
  }
}
