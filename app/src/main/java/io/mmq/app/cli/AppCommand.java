package io.mmq.app.cli;

import io.mmq.app.Application;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that works on the application: opens it from the global options, runs, closes it.
 * Figures go to stdout (one JSON object with {@code --json}); progress and logs go to stderr.
 */
abstract class AppCommand implements Callable<Integer> {
  @ParentCommand MmqCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public final Integer call() throws Exception {
    try (Application app = Application.open(parent.global.config())) {
      return run(app);
    }
  }

  abstract int run(Application app) throws Exception;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  void printJson(Object value) {
    out().println(Json.write(value));
    out().flush();
  }
}
