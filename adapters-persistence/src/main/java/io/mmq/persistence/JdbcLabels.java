package io.mmq.persistence;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link Labels} in {@code label_windows} and {@code labels}: one row per labelled resource and
 * window, its labels per task in {@code task_labels} ({@code ctr=+,dwell=-}). A window's labels are
 * replaced in one transaction; replacing them by none removes the window. Reads stream.
 */
final class JdbcLabels implements Labels {
  private final Jdbc jdbc;

  @Inject
  JdbcLabels(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public void replaceWindow(TimeWindow window, List<LabelledResource> labels) {
    LabelledResource.requireWindowBatch(window, labels);
    long start = Instants.toNanos(window.start(), "window start");
    long end = Instants.toNanos(window.end(), "window end");
    String action = "replacing the labels of " + window;
    jdbc.inTransaction(
        action,
        connection -> {
          Jdbc.Binder bindWindow =
              statement -> {
                statement.setLong(1, start);
                statement.setLong(2, end);
              };
          Jdbc.update(
              connection,
              "DELETE FROM labels WHERE window_start_ns = ? AND window_end_ns = ?",
              bindWindow);
          Jdbc.update(
              connection,
              "DELETE FROM label_windows WHERE window_start_ns = ? AND window_end_ns = ?",
              bindWindow);
          if (labels.isEmpty()) {
            return 0;
          }
          Jdbc.update(
              connection,
              "INSERT INTO label_windows (window_start_ns, window_end_ns, resource_count)"
                  + " VALUES (?, ?, ?)",
              statement -> {
                bindWindow.bind(statement);
                statement.setLong(3, labels.size());
              });
          return jdbc.batch(
              connection,
              action,
              "INSERT INTO labels (window_start_ns, window_end_ns, resource_id, task_labels)"
                  + " VALUES (?, ?, ?, ?)",
              labels,
              (statement, label) -> {
                bindWindow.bind(statement);
                statement.setString(3, label.resourceId().value());
                statement.setString(4, encode(label.labels()));
              },
              i -> "labels[" + i + "] (resource " + labels.get(i).resourceId() + ")");
        });
  }

  @Override
  public void forEachIn(TimeWindow window, Consumer<LabelledResource> consumer) {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(consumer, "consumer is null");
    jdbc.stream(
        "streaming labels in " + window,
        "SELECT window_start_ns, window_end_ns, resource_id, task_labels FROM labels"
            + " WHERE window_start_ns >= ? AND window_end_ns <= ?"
            + " ORDER BY window_start_ns, window_end_ns, resource_id",
        statement -> {
          statement.setLong(1, Instants.clampToNanos(window.start()));
          statement.setLong(2, Instants.clampToNanos(window.end()));
        },
        reader(new WindowCache()),
        consumer);
  }

  @Override
  public List<TimeWindow> windows() {
    return jdbc.list(
        "listing label windows",
        "SELECT window_start_ns, window_end_ns FROM label_windows"
            + " ORDER BY window_start_ns, window_end_ns",
        Jdbc.NO_PARAMETERS,
        row ->
            TimeWindow.of(Instants.fromNanos(row.getLong(1)), Instants.fromNanos(row.getLong(2))));
  }

  /** {@code ctr=+,dwell=-}: tasks sorted; task names hold neither '=' nor ','. */
  static String encode(Map<TaskName, Label> labels) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(labels)
        .forEach(
            (task, label) -> {
              if (out.length() > 0) {
                out.append(',');
              }
              out.append(task.value()).append('=').append(label.isPositive() ? '+' : '-');
            });
    return out.toString();
  }

  static Map<TaskName, Label> decode(String text) {
    Map<TaskName, Label> labels = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return labels;
    }
    for (String pair : text.split(",", -1)) {
      int equals = pair.indexOf('=');
      String sign = equals < 0 ? "" : pair.substring(equals + 1);
      if (!sign.equals("+") && !sign.equals("-")) {
        throw new IllegalArgumentException("malformed task label '" + pair + "' in '" + text + "'");
      }
      labels.put(TaskName.of(pair.substring(0, equals)), Label.of(sign.equals("+")));
    }
    return labels;
  }

  private static Jdbc.RowReader<LabelledResource> reader(WindowCache windows) {
    return row -> read(row, windows);
  }

  private static LabelledResource read(ResultSet row, WindowCache windows) throws SQLException {
    String id = row.getString(3);
    try {
      return new LabelledResource(
          ResourceId.of(id), windows.of(row.getLong(1), row.getLong(2)), decode(row.getString(4)));
    } catch (IllegalArgumentException e) {
      throw new PersistenceException(
          "stored labels of resource " + id + " cannot be read: " + e.getMessage(), e);
    }
  }
}
