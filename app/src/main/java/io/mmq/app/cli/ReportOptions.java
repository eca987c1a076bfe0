package io.mmq.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --report DIR} / {@code --no-report}: where a command writes its HTML report, if at all. */
final class ReportOptions {
  @Option(names = "--report", paramLabel = "DIR", description = "Write the HTML report (index.html and PNG charts) into DIR (default: <data-dir>/reports/<model>-<command>).")
  Path dir;

  @Option(names = "--no-report", description = "Write no report.")
  boolean none;

  /** The directory to write into, the given default unless --report names one; empty with --no-report. */
  Optional<Path> directory(Path defaultDir) {
    return none ? Optional.empty() : Optional.of(dir != null ? dir : defaultDir);
  }

  /** The same choice for one of several reports of a command: --report DIR becomes DIR/child. */
  ReportOptions child(String child) {
    ReportOptions options = new ReportOptions();
    options.dir = dir == null ? null : dir.resolve(child);
    options.none = none;
    return options;
  }
}
