package io.mmq.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command of R16 whose implementation has not landed yet: it says so on stderr and exits with
 * {@link #NOT_IMPLEMENTED}.
 */
@Command(mixinStandardHelpOptions = true)
final class PlannedCommand implements Callable<Integer> {
  static final int NOT_IMPLEMENTED = 3;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("mmq " + spec.name() + ": not implemented yet");
    return NOT_IMPLEMENTED;
  }
}
