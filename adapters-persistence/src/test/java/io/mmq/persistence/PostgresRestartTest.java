package io.mmq.persistence;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.resource.port.out.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under a running pool: calls fail with {@link StorageUnavailableException}
 * while it is down, then succeed again on the same pool. Stops and starts the server that {@code
 * .ci/pg-start.sh} started on the port of {@code MMQ_TEST_PG_URL} (the script leaves its data
 * directory in {@code /tmp/mmq-pg/<port>/PGDATA}), so it runs only as root with that file present;
 * skipped otherwise.
 */
class PostgresRestartTest {
  private static final Pattern PORT = Pattern.compile("^jdbc:postgresql://[^/:]+(?::(\\d+))?/");

  private Path pgData;
  private Path pgBin;
  private Database database;

  @BeforeEach
  void open() throws IOException {
    DatabaseConfig config =
        TestDatabases.postgresConfig().withConnectionTimeout(Duration.ofSeconds(1));
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "PostgreSQL restart test skipped: it runs pg_ctl through runuser, as root");
    Matcher url = PORT.matcher(config.url());
    String port = url.find() && url.group(1) != null ? url.group(1) : "5432";
    Path state = Path.of("/tmp/mmq-pg", port);
    Assumptions.assumeTrue(
        Files.isRegularFile(state.resolve("PGDATA")) && Files.isRegularFile(state.resolve("PGBIN")),
        "PostgreSQL restart test skipped: no server started by .ci/pg-start.sh on port " + port);
    pgData = Path.of(Files.readString(state.resolve("PGDATA")).trim());
    pgBin = Path.of(Files.readString(state.resolve("PGBIN")).trim());
    Path pidFile = pgData.resolve("postmaster.pid");
    // line 4 of postmaster.pid is the port the server listens on: never stop another server
    Assumptions.assumeTrue(
        Files.isRegularFile(pidFile) && port.equals(Files.readAllLines(pidFile).get(3).trim()),
        "PostgreSQL restart test skipped: the server in " + pgData + " is not running on " + port);
    database = Database.open(config);
  }

  @AfterEach
  void close() throws Exception {
    if (database != null && !isRunning()) {
      pgCtl("start", "-l", pgData.resolve("server.log").toString(), "-w", "-t", "60");
    }
    TestDatabases.dispose(database);
  }

  @Test
  void callsFailAsUnavailableWhileTheServerIsDownAndRecoverOnTheSamePool() throws Exception {
    Resources resources = new JdbcResources(new Jdbc(database.dataSource(), 100, 100));
    JdbcEngagements engagements = new JdbcEngagements(new Jdbc(database.dataSource(), 100, 100));
    resources.upsertAll(List.of(aResource().withId("a-1").build()));

    pgCtl("stop", "-m", "fast", "-w");
    long started = System.nanoTime();

    assertThatThrownBy(resources::count)
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("database unavailable while counting resources");
    assertThatThrownBy(() -> engagements.recordAll(List.of(anEngagementRecord().build())))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

    pgCtl("start", "-l", pgData.resolve("server.log").toString(), "-w", "-t", "60");

    assertThat(countOnceBack(resources)).isEqualTo(1);
    assertThat(engagements.recordAll(List.of(anEngagementRecord().build()))).isEqualTo(1);
  }

  /** The count, retried while the pool replaces its broken connections (a few seconds at most). */
  private long countOnceBack(Resources resources) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return resources.count();
      } catch (StorageUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private boolean isRunning() throws Exception {
    return run(
            List.of(
                "runuser",
                "-u",
                "postgres",
                "--",
                pgBin.resolve("pg_ctl").toString(),
                "-D",
                pgData.toString(),
                "status"))
        == 0;
  }

  private void pgCtl(String... arguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "runuser",
                "-u",
                "postgres",
                "--",
                pgBin.resolve("pg_ctl").toString(),
                "-D",
                pgData.toString()));
    command.addAll(List.of(arguments));
    int exit = run(command);
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
  }

  private static int run(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 90 s");
    }
    return process.exitValue();
  }
}
