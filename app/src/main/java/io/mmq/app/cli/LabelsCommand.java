package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.label.policy.QualityLevels;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code mmq labels}: derives labels for the engagement windows inside a window (R5); optionally
 * counts K quality levels per task (reported only) and runs dry (stores nothing).
 */
@Command(name = "labels", description = "Derive labels for a window (--from A --to B).")
final class LabelsCommand extends AppCommand {
  @Mixin WindowOptions window;

  @Option(names = "--levels", paramLabel = "K", description = "Also count K quality levels per task (2-100; 0 worst .. K-1 best), around the reference degree. Reported only: the stored labels stay positive/negative.")
  Integer levels;

  @Option(names = "--level-width", paramLabel = "W", description = "Distance between the level cut points, in standard deviations of the window's interaction degrees (default 1.0; needs --levels).")
  Double levelWidth;

  @Option(names = "--dry-run", description = "Derive and report, but store no label.")
  boolean dryRun;

  @Override
  int run(Application app) {
    DeriveLabelsCommand command = command();
    err().println((dryRun ? "dry run: " : "") + "deriving labels for " + command.window() + "...");
    long started = System.nanoTime();
    DeriveLabelsResult result = app.get(DeriveLabelsUseCase.class).derive(command);
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("window", Map.of("from", result.window().start().toString(), "to", result.window().end().toString()));
    report.put("dryRun", result.dryRun());
    report.put("records", result.records());
    report.put("labelledResources", result.labelledResources());
    report.put("windows", result.windows().size());
    report.put("levels", result.levels().map(l -> Map.of("count", l.count(), "width", l.width())).orElse(null));
    Map<String, Object> tasks = new LinkedHashMap<>();
    result.tasks().forEach((task, counts) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("positive", counts.positive());
      t.put("negative", counts.negative());
      t.put("unlabelled", counts.unlabelled());
      if (result.levels().isPresent()) {
        t.put("levelCounts", counts.levelCounts());
      }
      tasks.put(task.value(), t);
    });
    report.put("tasks", tasks);
    report.put("seconds", Math.round(seconds * 1000) / 1000.0);
    report.put("recordsPerSecond", seconds > 0 ? Math.round(result.records() / seconds) : 0);
    if (json) {
      printJson(report);
    } else {
      int windows = result.windows().size();
      out().printf("%d records in %d window%s -> %d labelled resources%s (%.2f s)%n",
          result.records(), windows, windows == 1 ? "" : "s", result.labelledResources(),
          result.dryRun() ? ", dry run: nothing stored" : "", seconds);
      result.tasks().forEach((task, counts) -> {
        out().printf("  %s: positive %d, negative %d, unlabelled %d%n",
            task.value(), counts.positive(), counts.negative(), counts.unlabelled());
        result.levels().ifPresent(l -> out().printf("  %s levels 0..%d (worst..best): %s%n",
            task.value(), l.count() - 1, String.join(" ", counts.levelCounts().stream().map(String::valueOf).toList())));
      });
    }
    return 0;
  }

  /** The window and options as a command; bad option values are usage errors. */
  private DeriveLabelsCommand command() {
    DeriveLabelsCommand command = new DeriveLabelsCommand(window.window(spec.commandLine())).withDryRun(dryRun);
    if (levelWidth != null && (!Double.isFinite(levelWidth) || levelWidth <= 0)) {
      throw new ParameterException(spec.commandLine(), "--level-width must be a finite number > 0, was " + levelWidth);
    }
    if (levels == null) {
      if (levelWidth != null) {
        throw new ParameterException(spec.commandLine(), "--level-width goes with --levels K");
      }
      return command;
    }
    if (levels < 2 || levels > QualityLevels.MAX_LEVELS) {
      throw new ParameterException(spec.commandLine(),
          "--levels must be in [2, " + QualityLevels.MAX_LEVELS + "], was " + levels);
    }
    return command.withLevels(QualityLevels.of(levels, levelWidth == null ? 1.0 : levelWidth));
  }
}
