package io.mmq.persistence;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.resource.model.ResourceId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one embedded data directory at once: a child JVM opens it first and holds it
 * open, then this JVM opens the same directory the same way; each reads what the other wrote. The
 * first serves the database on the loopback address only.
 */
class SecondProcessTest {
  @TempDir Path directory;

  @Test
  void aSecondProcessUsesTheEmbeddedDatabaseWhileTheFirstHoldsItOpen() throws Exception {
    Path log = directory.resolve("first.log");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process first =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                FirstProcess.class.getName(),
                directory.toString())
            .redirectError(log.toFile())
            .start();
    try {
      BufferedReader output =
          new BufferedReader(new InputStreamReader(first.getInputStream(), UTF_8));
      String said =
          CompletableFuture.supplyAsync(() -> readLine(output)).get(60, TimeUnit.SECONDS);
      assertThat(said)
          .as("first JVM's output; its log: %s", Files.readString(log))
          .isEqualTo("open");

      try (Database second = Database.open(DatabaseConfig.embedded(directory))) {
        JdbcResources resources = new JdbcResources(new Jdbc(second.dataSource(), 10, 10));
        assertThat(resources.find(ResourceId.of("from-first"))).isPresent();
        resources.upsertAll(List.of(aResource().withId("from-second").build()));
      }
      int port = serverPort(directory.resolve("mmq.lock.db"));
      assertThat(reachable(InetAddress.getLoopbackAddress(), port)).isTrue();
      for (InetAddress other : otherAddresses()) {
        assertThat(reachable(other, port)).as("the database's port on %s", other).isFalse();
      }

      try (Writer input = first.outputWriter(UTF_8)) {
        input.write("done\n");
      }
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("first JVM finished").isTrue();
      assertThat(first.exitValue())
          .as("first JVM exit; its log: %s", Files.readString(log))
          .isZero();
    } finally {
      first.destroyForcibly();
    }
  }

  /** The port of the mixed mode's server, from the lock file H2 keeps next to the database. */
  private static int serverPort(Path lockFile) throws IOException {
    Properties lock = new Properties();
    try (var in = Files.newInputStream(lockFile)) {
      lock.load(in);
    }
    String server = lock.getProperty("server");
    return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
  }

  private static boolean reachable(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** This machine's addresses other than the loopback ones. */
  private static List<InetAddress> otherAddresses() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .toList();
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first process: opens the database, stores a row, says "open", waits for a line on stdin,
   * then exits 0 when it sees the second process's row.
   */
  static final class FirstProcess {
    public static void main(String[] args) throws Exception {
      try (Database database = Database.open(DatabaseConfig.embedded(Path.of(args[0])))) {
        JdbcResources resources = new JdbcResources(new Jdbc(database.dataSource(), 10, 10));
        resources.upsertAll(List.of(aResource().withId("from-first").build()));
        System.out.println("open");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, UTF_8)).readLine();
        if (resources.find(ResourceId.of("from-second")).isEmpty()) {
          System.err.println("the second process's row is missing");
          System.exit(3);
        }
      }
    }
  }
}
