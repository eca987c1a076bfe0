package io.mmq.app;

import io.mmq.app.cli.MmqCommand;
import picocli.CommandLine;

/** Entry point of the {@code mmq} command line and server. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(MmqCommand.newCommandLine().execute(args));
  }
}
