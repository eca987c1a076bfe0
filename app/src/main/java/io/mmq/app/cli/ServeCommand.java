package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.app.MmqServer;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mmq serve}: runs the gRPC server until Ctrl-C (graceful: drain, then close). */
@Command(name = "serve", description = "Run the gRPC server (--port P).")
final class ServeCommand extends AppCommand {
  @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: server.port, 50051; 0 picks a free one).")
  Integer port;

  @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: server.host, 0.0.0.0).")
  String host;

  @Override
  int run(Application app) throws Exception {
    int chosenPort = port != null ? port : app.config().getInt("server.port");
    String chosenHost = host != null ? host : app.config().get("server.host");
    CountDownLatch stopped = new CountDownLatch(1);
    MmqServer server = MmqServer.start(app, chosenHost, chosenPort);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      err().println("mmq: shutting down (draining calls in flight)...");
      err().flush();
      server.close();
      app.close();
      stopped.countDown();
    }, "mmq-shutdown"));
    err().println("mmq: serving gRPC on " + chosenHost + ":" + server.port() + " (Ctrl-C stops)");
    err().flush();
    if (json) {
      printJson(java.util.Map.of("port", server.port()));
    }
    stopped.await();
    return 0;
  }
}
