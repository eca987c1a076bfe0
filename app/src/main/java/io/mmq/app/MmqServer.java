package io.mmq.app;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmq.app.metrics.MetricsEndpoint;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.validation.port.in.RunRetrainCycleUseCase;
import io.mmq.grpc.server.GrpcServer;
import io.mmq.grpc.server.MetricsTracer;
import io.mmq.grpc.server.security.BearerTokenInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gRPC server of an {@link Application}: serves the mmq.v1 services, health and
 * reflection. A {@link ModelPoller} checks the registry every {@code serving.model-poll-ms}
 * (default one second), so that a promotion made by another replica is loaded, warmed up and
 * swapped in here too, and keeps the classification health in step with the served model. Closing
 * drains the calls in flight before the application is closed. With {@code retrain.enabled} it
 * also runs the retraining loop ({@link RetrainScheduler}, every {@code
 * retrain.check-interval-minutes}), stopped first on close.
 */
public final class MmqServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MmqServer.class);

  private final GrpcServer server;
  private final ScheduledExecutorService health;
  private final MetricsEndpoint metrics;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AutoCloseable retrain;

  private MmqServer(
      GrpcServer server, ScheduledExecutorService health, MetricsEndpoint metrics, AutoCloseable retrain) {
    this.server = server;
    this.health = health;
    this.metrics = metrics;
    this.retrain = retrain;
  }

  public static MmqServer start(Application app, String host, int port) {
    boolean retrainOn = app.config().getBoolean("retrain.enabled");
    Duration retrainEvery = retrainInterval(app);
    Set<BindableService> services = app.injector().getInstance(Key.get(new TypeLiteral<Set<BindableService>>() {}));
    ServerOptions options = ServerOptions.from(app.config());
    BearerTokenInterceptor auth = options.authInterceptor();
    if (options.tokens().isEmpty()) {
      log.warn("no bearer tokens configured (auth.tokens, auth.token-file): the ops RPCs are open to anyone who can reach the port");
    }
    List<ServerInterceptor> interceptors = List.of(auth);
    MetricsEndpoint metrics = options.metricsEnabled()
        ? MetricsEndpoint.start(app.get(PrometheusMeterRegistry.class), options.metricsHost(), options.metricsPort())
        : null;
    GrpcServer server;
    try {
      // the tracer sees every call's final status, also those that authentication or the transport refuses
      MetricsTracer calls = new MetricsTracer(app.get(MeterRegistry.class), services);
      server = new GrpcServer(options.serverBuilder(host, port).addStreamTracerFactory(calls), services, interceptors).start();
    } catch (RuntimeException e) {
      if (metrics != null) {
        metrics.close();
      }
      throw e;
    }
    ActiveModelHolder models = app.get(ActiveModelHolder.class);
    ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "mmq-model-poller");
      thread.setDaemon(true);
      return thread;
    });
    ModelPoller poller = new ModelPoller(models, server::setModelAvailable);
    health.scheduleWithFixedDelay(poller::poll, 0, app.config().getInt("serving.model-poll-ms"), TimeUnit.MILLISECONDS);
    log.info("gRPC server listening on {}:{}{}", host, server.port(), options.tls().isPresent() ? " (TLS)" : "");
    AutoCloseable retrain = retrainOn
        ? RetrainScheduler.start(app.get(RunRetrainCycleUseCase.class), retrainEvery)
        : () -> {};
    return new MmqServer(server, health, metrics, retrain);
  }

  /** The port of the metrics endpoint, empty when {@code metrics.port} is -1. */
  public java.util.OptionalInt metricsPort() {
    return metrics == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(metrics.port());
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

  /** Stops the retraining loop, the health poller, the server (gracefully) and the metrics endpoint; once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      retrain.close();
    } catch (Exception e) {
      log.warn("stopping the retraining loop failed: {}", e.getMessage());
    }
    health.shutdownNow();
    server.close();
    if (metrics != null) {
      metrics.close();
    }
  }
}
