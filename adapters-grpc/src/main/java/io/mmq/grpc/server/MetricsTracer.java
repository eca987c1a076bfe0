package io.mmq.grpc.server;

import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerStreamTracer;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records every call to the given services as the server's transport ends it: its duration from
 * the arrival of its headers to the close of its stream in the histogram {@value #LATENCY} (tags
 * {@code service}, {@code method}) and, when it ends with another status than OK, one count in
 * {@value #ERRORS} (tags {@code service}, {@code method}, {@code code}). Register it with {@link
 * io.grpc.ServerBuilder#addStreamTracerFactory}.
 *
 * <p>The status is the stream's final one, whoever ended it: the service, an interceptor (a call
 * that authentication refuses counts as UNAUTHENTICATED), the client (a cancel counts as
 * CANCELLED), the deadline, or the transport itself (a request over the inbound message limit
 * counts as RESOURCE_EXHAUSTED).
 *
 * <p>Calls to other services (health, reflection) are not recorded. A call to a method that a
 * recorded service lacks (UNIMPLEMENTED) is tagged method {@value #UNKNOWN}, so that clients cannot
 * add series at will. Requests that the transport refuses before a stream opens (a missing path,
 * another content type than gRPC's) never reach a tracer and are not recorded.
 */
public final class MetricsTracer extends ServerStreamTracer.Factory {
  public static final String LATENCY = "mmq.grpc.server.requests";
  public static final String ERRORS = "mmq.grpc.server.errors";
  static final String UNKNOWN = "unknown";

  /** Histogram bucket bounds, from a cached classification to a long training stream. */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300)
  };

  /** The tracer of a call that is not recorded. */
  private static final ServerStreamTracer NOT_RECORDED = new ServerStreamTracer() {};

  private final MeterRegistry registry;
  private final Set<String> services;
  /** Bare method name by full method name, for every method of the recorded services. */
  private final Map<String, String> methods = new HashMap<>();

  public MetricsTracer(MeterRegistry registry, Set<BindableService> services) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
    Objects.requireNonNull(services, "services is null");
    Set<String> names = new HashSet<>();
    for (BindableService service : services) {
      ServiceDescriptor descriptor = service.bindService().getServiceDescriptor();
      names.add(descriptor.getName());
      for (MethodDescriptor<?, ?> method : descriptor.getMethods()) {
        methods.put(method.getFullMethodName(), method.getBareMethodName());
      }
    }
    this.services = Set.copyOf(names);
  }

  @Override
  public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
    String service = MethodDescriptor.extractFullServiceName(fullMethodName);
    if (service == null || !services.contains(service)) {
      return NOT_RECORDED;
    }
    return new Recorder(service, methods.getOrDefault(fullMethodName, UNKNOWN));
  }

  /** One call's measurement, recorded when its stream closes (gRPC closes a stream once). */
  private final class Recorder extends ServerStreamTracer {
    private final String service;
    private final String method;
    private final Timer.Sample started = Timer.start(registry);

    Recorder(String service, String method) {
      this.service = service;
      this.method = method;
    }

    @Override
    public void streamClosed(Status status) {
      started.stop(
          Timer.builder(LATENCY)
              .description("gRPC calls handled, by service and method: seconds from arrival to close")
              .tags("service", service, "method", method)
              .serviceLevelObjectives(BUCKETS)
              .register(registry));
      if (!status.isOk()) {
        Counter.builder(ERRORS)
            .description("gRPC calls that ended with another status than OK, by status code")
            .tags("service", service, "method", method, "code", status.getCode().name())
            .register(registry)
            .increment();
      }
    }
  }
}
