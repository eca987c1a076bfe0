package io.mmq.app;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.mmq.app.config.MmqConfig;
import java.util.concurrent.TimeUnit;

/**
 * An application with its server on a free loopback port and a plaintext channel to it, as tests
 * over real sockets need them; closing releases the three in reverse order.
 */
final class LocalServer implements AutoCloseable {
  final Application app;
  final MmqServer server;
  final ManagedChannel channel;

  LocalServer(MmqConfig config) {
    app = Application.open(config);
    try {
      server = MmqServer.start(app, "127.0.0.1", 0);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      app.close();
    }
  }
}
