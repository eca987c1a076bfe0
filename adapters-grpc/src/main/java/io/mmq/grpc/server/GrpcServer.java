package io.mmq.grpc.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.mmq.grpc.service.GrpcServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server: the mmq.v1 services, {@code grpc.health.v1} per service (classification and
 * recommendation NOT_SERVING until a model is active) and server reflection. Stopping marks every
 * service NOT_SERVING, stops taking calls and drains the ones in flight.
 */
public final class GrpcServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GrpcServer.class);

  private final Server server;
  private final HealthStatusManager health = new HealthStatusManager();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<BindableService> services;

  public GrpcServer(ServerBuilder<?> builder, Set<BindableService> services, List<ServerInterceptor> interceptors) {
    this.services = Set.copyOf(Objects.requireNonNull(services, "services is null"));
    for (BindableService service : this.services) {
      builder.addService(ServerInterceptors.intercept(service, interceptors));
    }
    builder.addService(health.getHealthService());
    builder.addService(ProtoReflectionServiceV1.newInstance());
    this.server = builder.build();
  }

  public GrpcServer start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the gRPC server: " + e.getMessage(), e);
    }
    for (BindableService service : services) {
      health.setStatus(service.bindService().getServiceDescriptor().getName(), ServingStatus.SERVING);
    }
    health.setStatus("", ServingStatus.SERVING);
    setModelAvailable(false);
    return this;
  }

  /** Classification and re-ranking serve only while a model is active. */
  public void setModelAvailable(boolean available) {
    ServingStatus status = available ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    health.setStatus(GrpcServices.CLASSIFICATION, status);
    health.setStatus(GrpcServices.RECOMMENDATION, status);
  }

  public int port() {
    return server.getPort();
  }

  /**
   * Graceful stop: NOT_SERVING everywhere, refuse new calls, wait for calls in flight. Closing
   * again does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    health.enterTerminalState();
    server.shutdown();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("calls still running after 10 s; cancelling them");
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
