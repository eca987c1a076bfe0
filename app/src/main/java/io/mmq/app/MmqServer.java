package io.mmq.app;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.grpc.BindableService;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.grpc.server.GrpcServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gRPC server of an {@link Application}: serves the mmq.v1 services, health and
 * reflection. A {@link ModelPoller} checks the registry every {@code serving.model-poll-ms}
 * (default one second), so that a promotion made by another replica is loaded, warmed up and
 * swapped in here too, and keeps the classification health in step with the served model. Closing
 * drains the calls in flight before the application is closed.
 */
public final class MmqServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MmqServer.class);

  private final GrpcServer server;
  private final ScheduledExecutorService health;

  private MmqServer(GrpcServer server, ScheduledExecutorService health) {
    this.server = server;
    this.health = health;
  }

  public static MmqServer start(Application app, String host, int port) {
    Set<BindableService> services = app.injector().getInstance(Key.get(new TypeLiteral<Set<BindableService>>() {}));
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .maxInboundMessageSize(64 * 1024 * 1024);
    GrpcServer server = new GrpcServer(builder, services, List.of()).start();
    ActiveModelHolder models = app.get(ActiveModelHolder.class);
    ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "mmq-model-poller");
      thread.setDaemon(true);
      return thread;
    });
    ModelPoller poller = new ModelPoller(models, server::setModelAvailable);
    health.scheduleWithFixedDelay(poller::poll, 0, app.config().getInt("serving.model-poll-ms"), TimeUnit.MILLISECONDS);
    log.info("gRPC server listening on {}:{}", host, server.port());
    return new MmqServer(server, health);
  }

  public int port() {
    return server.port();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    health.shutdownNow();
    server.close();
  }
}
