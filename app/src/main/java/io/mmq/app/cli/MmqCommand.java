package io.mmq.app.cli;

import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.common.StorageUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level {@code mmq} command: the commands of R16. Every command inherits its --help and
 * --version options.
 */
@Command(
    name = "mmq",
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "mmq 0.1.0-SNAPSHOT",
    description =
        "Learns which articles of a content feed are high quality from how readers engaged with"
            + " earlier articles, and re-weights the feed recommender's candidates.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      TasksCommand.class,
      LabelsCommand.class,
      ClassifyCommand.class,
      ModelsCommand.class,
      TrainCommand.class,
      ValidateCommand.class,
      GenerateCommand.class,
      QuickstartCommand.class,
      RerankCandidatesCommand.class,
      BenchCommand.class,
      BaselineCommand.class,
    })
public final class MmqCommand implements Runnable {
  /** Exit code of a command given wrong options or arguments. */
  static final int USAGE = 64;

  /** Exit code of a command that failed for a reason it explains on stderr. */
  static final int FAILED = 1;

  @Mixin GlobalOptions global;

  @CommandLine.Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Builds the command line with every subcommand registered and a one-line error reporter. */
  public static CommandLine newCommandLine() {
    CommandLine line = new CommandLine(new MmqCommand());
    line.setParameterExceptionHandler((error, args) -> {
      CommandLine failed = error.getCommandLine();
      failed.getErr().println("mmq " + failed.getCommandName() + ": " + error.getMessage()
          + " (see `mmq " + failed.getCommandName() + " --help`)");
      failed.getErr().flush();
      return USAGE;
    });
    line.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
      commandLine.getErr().println("mmq " + commandLine.getCommandName() + ": " + reason(error));
      commandLine.getErr().flush();
      return FAILED;
    });
    return line;
  }

  /** A one-line reason: the message of a known failure, the type and message of anything else. */
  static String reason(Throwable error) {
    if (error instanceof IllegalArgumentException
        || error instanceof NotFoundException
        || error instanceof PreconditionFailedException
        || error instanceof ConflictException
        || error instanceof StorageUnavailableException
        || error instanceof java.io.IOException
        || error instanceof java.io.UncheckedIOException) {
      return String.valueOf(error.getMessage()).lines().findFirst().orElse("");
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return error.getClass().getSimpleName() + ": " + error.getMessage()
        + (root != error ? " (cause: " + root + ")" : "");
  }
}
