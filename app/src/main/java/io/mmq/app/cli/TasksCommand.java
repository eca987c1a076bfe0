package io.mmq.app.cli;

import com.google.protobuf.util.JsonFormat;
import io.mmq.app.Application;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.in.GetTaskSetUseCase;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.task.port.in.SetTaskSetUseCase;
import io.mmq.grpc.mapping.JsonLines;
import io.mmq.grpc.mapping.TaskSetMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmq tasks}: prints the current task set, or replaces it from a TaskSet JSON file. */
@Command(name = "tasks", description = "Print the current task set, or replace it (--file TASKSET.json).")
final class TasksCommand extends AppCommand {
  @Option(names = "--file", paramLabel = "TASKSET.json", description = "A TaskSet in JSON (R17) to make current.")
  Path file;

  @Override
  int run(Application app) throws Exception {
    TaskSet tasks;
    if (file != null) {
      io.mmq.proto.v1.TaskSet proto = JsonLines.parse(Files.readString(file), io.mmq.proto.v1.TaskSet::newBuilder);
      tasks = app.get(SetTaskSetUseCase.class).set(new SetTaskSetCommand(TaskSetMapper.toDomain(proto)));
      err().println("task set replaced: " + tasks.names());
    } else {
      tasks = app.get(GetTaskSetUseCase.class).current();
    }
    String text = JsonFormat.printer().omittingInsignificantWhitespace().print(TaskSetMapper.toProto(tasks));
    out().println(json ? text : JsonFormat.printer().print(TaskSetMapper.toProto(tasks)));
    return 0;
  }
}
