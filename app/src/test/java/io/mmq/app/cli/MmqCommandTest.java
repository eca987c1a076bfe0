package io.mmq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
          "models", "generate", "quickstart", "bench"
        }) {
      assertThat(out.toString()).contains(command);
    }
  }

  @Test
  void globalOptionsAreAcceptedBeforeAndAfterTheCommand() {
    CommandLine line = MmqCommand.newCommandLine();
    line.setErr(new PrintWriter(new StringWriter()));

    assertThat(line.execute("--data-dir", "/tmp/x", "train")).isEqualTo(PlannedCommand.NOT_IMPLEMENTED);
    assertThat(line.execute("train", "--data-dir", "/tmp/x")).isEqualTo(PlannedCommand.NOT_IMPLEMENTED);
  }
}
