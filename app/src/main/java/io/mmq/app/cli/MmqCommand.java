package io.mmq.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code mmq} command: lists the commands of R16. */
@Command(
    name = "mmq",
    mixinStandardHelpOptions = true,
    version = "mmq 0.1.0-SNAPSHOT",
    description =
        "Learns which articles of a content feed are high quality from how readers engaged with"
            + " earlier articles, and re-weights the feed recommender's candidates.",
    subcommandsRepeatable = false)
public final class MmqCommand implements Runnable {

  /** The commands of R16, in the order the help lists them, with a one-line description each. */
  static final String[][] COMMANDS = {
    {"quickstart", "Generate a corpus, import, label, train, validate, then serve and show classifications."},
    {"serve", "Run the gRPC server (--port P)."},
    {"import", "Import resources and engagement from JSON Lines (--resources R.jsonl --engagement E.jsonl)."},
    {"tasks", "Print the current task set, or replace it (--file TASKSET.json)."},
    {"labels", "Derive labels for a window (--from A --to B)."},
    {"train", "Train a model on a window's labelled resources (--from A --to B [--seed N])."},
    {"validate", "Evaluate the active model on a window's labels (--from A --to B)."},
    {"classify", "Classify resources (--resources R.jsonl)."},
    {"rerank", "Re-weight a candidate list by quality."},
    {"models", "List, promote or roll back models."},
    {"generate", "Write a synthetic corpus with planted quality signals."},
    {"bench", "Measure latency, throughput and training speed."},
  };

  @Mixin GlobalOptions global;

  @CommandLine.Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Builds the command line with every subcommand registered. */
  public static CommandLine newCommandLine() {
    CommandLine line = new CommandLine(new MmqCommand());
    for (String[] command : COMMANDS) {
      CommandLine sub = new CommandLine(new PlannedCommand());
      sub.getCommandSpec().usageMessage().description(command[1]);
      line.addSubcommand(command[0], sub);
    }
    return line;
  }
}
