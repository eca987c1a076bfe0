package io.mmq.app;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.grpc.BindableService;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.mmq.core.registry.port.in.GetModelUseCase;
import io.mmq.core.validation.port.in.RunRetrainCycleUseCase;
import io.mmq.grpc.server.GrpcServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gRPC server of an {@link Application}: serves the mmq.v1 services, health and
 * reflection, and keeps the classification health in step with whether a model is active (checked
 * every second, so a promotion made by another replica is seen too). Closing drains the calls in
 * flight before the application is closed. With {@code retrain.enabled} it also runs the
 * retraining loop ({@link RetrainScheduler}, every {@code retrain.check-interval-minutes}), stopped
 * first on close.
 */
public final class MmqServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MmqServer.class);

  private final GrpcServer server;
  private final ScheduledExecutorService health;
  private final AutoCloseable retrain;

  private MmqServer(GrpcServer server, ScheduledExecutorService health, AutoCloseable retrain) {
    this.server = server;
    this.health = health;
    this.retrain = retrain;
  }

  public static MmqServer start(Application app, String host, int port) {
    boolean retrainOn = app.config().getBoolean("retrain.enabled");
    Duration retrainEvery = retrainInterval(app);
    Set<BindableService> services = app.injector().getInstance(Key.get(new TypeLiteral<Set<BindableService>>() {}));
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .maxInboundMessageSize(64 * 1024 * 1024);
    GrpcServer server = new GrpcServer(builder, services, List.of()).start();
    GetModelUseCase models = app.get(GetModelUseCase.class);
    ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "mmq-health");
      thread.setDaemon(true);
      return thread;
    });
    health.scheduleWithFixedDelay(() -> {
      try {
        server.setModelAvailable(models.active().isPresent());
      } catch (RuntimeException e) {
        log.warn("health check could not read the active model: {}", e.getMessage());
        server.setModelAvailable(false);
      }
    }, 0, 1, TimeUnit.SECONDS);
    log.info("gRPC server listening on {}:{}", host, server.port());
    AutoCloseable retrain = retrainOn
        ? RetrainScheduler.start(app.get(RunRetrainCycleUseCase.class), retrainEvery)
        : () -> {};
    return new MmqServer(server, health, retrain);
  }

  private static Duration retrainInterval(Application app) {
    int minutes = app.config().getInt("retrain.check-interval-minutes");
    if (minutes < 1) {
      throw new IllegalArgumentException(
          "setting retrain.check-interval-minutes must be at least 1, was " + minutes);
    }
    return Duration.ofMinutes(minutes);
  }

  public int port() {
    return server.port();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    try {
      retrain.close();
    } catch (Exception e) {
      log.warn("stopping the retraining loop failed: {}", e.getMessage());
    }
    health.shutdownNow();
    server.close();
  }
}
