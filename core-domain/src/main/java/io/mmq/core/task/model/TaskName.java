package io.mmq.core.task.model;

import io.mmq.core.common.Checks;

/** The name of an engagement task, e.g. {@code ctr}. Letters, digits, '_', '-' and '.' only. */
public record TaskName(String value) implements Comparable<TaskName> {
  public TaskName {
    Checks.requireNonBlank(value, "task name");
    Checks.requireMaxLength(value, 64, "task name");
    if (!value.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          "task name may hold only letters, digits, '_', '-' and '.', was '" + value + "'");
    }
  }

  public static TaskName of(String value) {
    return new TaskName(value);
  }

  @Override
  public int compareTo(TaskName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
