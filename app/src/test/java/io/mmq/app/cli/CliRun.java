package io.mmq.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the mmq command line in this JVM on a data dir: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun of(Path dataDir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", dataDir.toString()));
    CommandLine line = MmqCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int exit = line.execute(all.toArray(String[]::new));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
