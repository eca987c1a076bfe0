package io.mmq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class MmqCommandTest {

  @Test
  void helpListsEveryCommandOfR16() {
    StringWriter out = new StringWriter();
    CommandLine line = MmqCommand.newCommandLine();
    line.setOut(new PrintWriter(out));

    int exit = line.execute("--help");

    assertThat(exit).isZero();
    for (String command :
        new String[] {
          "serve", "import", "tasks", "labels", "train", "validate", "classify", "rerank",
          "models", "generate", "quickstart", "bench", "baseline"
        }) {
      assertThat(out.toString()).contains(command);
    }
  }

  static Stream<String> commands() {
    return MmqCommand.newCommandLine().getSubcommands().values().stream()
        .map(CommandLine::getCommandName)
        .distinct();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandPrintsItsUsageOnHelpWithoutOpeningAnything(String command, @TempDir Path dir) {
    Path dataDir = dir.resolve("data");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = MmqCommand.newCommandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));

    int exit = line.execute("--data-dir", dataDir.toString(), command, "--help");

    assertThat(exit).as("exit; stderr: %s", err).isZero();
    assertThat(out.toString()).startsWith("Usage: mmq " + command);
    assertThat(err.toString()).isEmpty();
    assertThat(dataDir).doesNotExist();
  }

  @Test
  void globalOptionsAreAcceptedBeforeAndAfterTheCommand() {
    for (String[] args :
        new String[][] {
          {"--data-dir", "/tmp/before", "train", "--from", "2026-01-01", "--to", "2026-01-02"},
          {"train", "--from", "2026-01-01", "--to", "2026-01-02", "--data-dir", "/tmp/before"}
        }) {
      CommandLine line = MmqCommand.newCommandLine();
      line.parseArgs(args);
      MmqCommand top = line.getCommand();
      assertThat(top.global.config().dataDir()).isEqualTo(java.nio.file.Path.of("/tmp/before"));
    }
  }

  @Test
  void benchRejectsSizesItCannotMeasureBeforeDoingAnything() {
    CommandLine line = MmqCommand.newCommandLine();
    StringWriter err = new StringWriter();
    line.setErr(new PrintWriter(err));

    assertThat(line.execute("bench", "--articles", "5")).isEqualTo(MmqCommand.USAGE);
    assertThat(line.execute("bench", "--articles", "100", "--rounds", "50")).isEqualTo(MmqCommand.USAGE);
    assertThat(err.toString()).contains("--articles must be at least 100").contains("too few articles for 50 throughput rounds");
  }

  @Test
  void quickstartRefusesATakenPortBeforeDoingAnyWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir)
      throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      CommandLine line = MmqCommand.newCommandLine();
      StringWriter err = new StringWriter();
      line.setErr(new PrintWriter(err));

      int exit = line.execute("quickstart", "--data-dir", dataDir.toString(), "--port", "0", "--exit",
          "--config", writeConfig(dataDir, "metrics.port=" + taken.getLocalPort()).toString());

      assertThat(exit).isNotZero();
      assertThat(err.toString()).contains("the metrics port " + taken.getLocalPort()).contains("is in use");
      assertThat(dataDir.resolve("quickstart-corpus")).doesNotExist(); // nothing generated
    }
  }

  private static java.nio.file.Path writeConfig(java.nio.file.Path dir, String line) throws java.io.IOException {
    return java.nio.file.Files.writeString(dir.resolve("mmq.properties"), line + System.lineSeparator());
  }

  @Test
  void aFailureIsOneLineWithANonZeroExit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) {
    CommandLine line = MmqCommand.newCommandLine();
    StringWriter err = new StringWriter();
    line.setErr(new PrintWriter(err));

    int exit =
        line.execute("train", "--data-dir", dataDir.toString(), "--from", "2026-01-02", "--to", "2026-01-01");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--to").contains("must be after --from");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }
}
