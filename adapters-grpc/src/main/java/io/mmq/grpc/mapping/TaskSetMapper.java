package io.mmq.grpc.mapping;

import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps {@code mmq.v1.TaskSet} to the core and back. A missing weight means 1.0, a missing
 * reference means MEAN; a missing direction is rejected.
 */
public final class TaskSetMapper {
  private TaskSetMapper() {}

  public static TaskSet toDomain(io.mmq.proto.v1.TaskSet proto) {
    if (proto.getTasksCount() == 0) {
      throw new InvalidFieldException("tasks", "a task set needs at least one task");
    }
    ResourceMapper.limit(proto.getTasksCount(), TaskSet.MAX_TASKS, "tasks", "entries");
    List<Task> tasks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < proto.getTasksCount(); i++) {
      String path = FieldPath.index("", "tasks", i);
      io.mmq.proto.v1.Task task = proto.getTasks(i);
      String name = FieldPath.required(task.getName(), path + ".name");
      TaskName taskName = FieldPath.at(path + ".name", () -> TaskName.of(name));
      if (!names.add(name)) {
        throw new InvalidFieldException(path + ".name", "'" + name + "' appears twice");
      }
      FieldPath.required(task.getMetric(), path + ".metric");
      Direction direction =
          switch (task.getDirection()) {
            case HIGHER_IS_BETTER -> Direction.HIGHER_IS_BETTER;
            case LOWER_IS_BETTER -> Direction.LOWER_IS_BETTER;
            case DIRECTION_UNSPECIFIED, UNRECOGNIZED ->
                throw new InvalidFieldException(
                    path + ".direction", "must be HIGHER_IS_BETTER or LOWER_IS_BETTER");
          };
      ReferenceStatistic reference =
          switch (task.getReference()) {
            case MEAN, REFERENCE_UNSPECIFIED -> ReferenceStatistic.MEAN;
            case MEDIAN -> ReferenceStatistic.MEDIAN;
            case UNRECOGNIZED -> throw new InvalidFieldException(path + ".reference", "must be MEAN or MEDIAN");
          };
      if (task.getMinImpressions() < 0) {
        throw new InvalidFieldException(
            path + ".minImpressions", "must not be negative, was " + task.getMinImpressions());
      }
      double weight = task.hasWeight() ? task.getWeight() : 1.0;
      tasks.add(
          FieldPath.at(
              path,
              () -> new Task(taskName, task.getMetric(), direction, reference, task.getMinImpressions(), weight)));
    }
    return new TaskSet(tasks);
  }

  public static io.mmq.proto.v1.TaskSet toProto(TaskSet tasks) {
    var builder = io.mmq.proto.v1.TaskSet.newBuilder();
    for (Task task : tasks.tasks()) {
      builder.addTasks(
          io.mmq.proto.v1.Task.newBuilder()
              .setName(task.name().value())
              .setMetric(task.metric())
              .setDirection(io.mmq.proto.v1.Direction.valueOf(task.direction().name()))
              .setReference(io.mmq.proto.v1.ReferenceStatistic.valueOf(task.reference().name()))
              .setMinImpressions((int) Math.min(Integer.MAX_VALUE, task.minImpressions()))
              .setWeight(task.weight()));
    }
    return builder.build();
  }
}
