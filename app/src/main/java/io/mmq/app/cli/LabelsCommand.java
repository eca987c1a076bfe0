package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mmq labels}: derives labels for the engagement windows inside a window (R5). */
@Command(name = "labels", description = "Derive labels for a window (--from A --to B).")
final class LabelsCommand extends AppCommand {
  @Mixin WindowOptions window;

  @Override
  int run(Application app) {
    err().println("deriving labels for " + window.window(spec.commandLine()) + "...");
    long started = System.nanoTime();
    DeriveLabelsResult result =
        app.get(DeriveLabelsUseCase.class).derive(new DeriveLabelsCommand(window.window(spec.commandLine())));
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("window", Map.of("from", result.window().start().toString(), "to", result.window().end().toString()));
    report.put("records", result.records());
    report.put("labelledResources", result.labelledResources());
    report.put("windows", result.windows().size());
    Map<String, Object> tasks = new LinkedHashMap<>();
    result.tasks().forEach((task, counts) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("positive", counts.positive());
      t.put("negative", counts.negative());
      t.put("unlabelled", counts.unlabelled());
      tasks.put(task.value(), t);
    });
    report.put("tasks", tasks);
    report.put("seconds", Math.round(seconds * 1000) / 1000.0);
    report.put("recordsPerSecond", seconds > 0 ? Math.round(result.records() / seconds) : 0);
    if (json) {
      printJson(report);
    } else {
      out().printf("%d records in %d windows -> %d labelled resources (%.2f s)%n",
          result.records(), result.windows().size(), result.labelledResources(), seconds);
      tasks.forEach((name, counts) -> out().println("  " + name + ": " + counts));
    }
    return 0;
  }
}
