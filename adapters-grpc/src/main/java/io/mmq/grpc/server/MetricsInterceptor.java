package io.mmq.grpc.server;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records every call: its duration from arrival to close in the histogram {@value #LATENCY}
 * (tags {@code service}, {@code method}) and, when it ends with another status than OK, one count in
 * {@value #ERRORS} (tags {@code service}, {@code method}, {@code code}). A call the client cancels
 * counts as CANCELLED. Attach it outermost so that calls refused by other interceptors count too.
 */
public final class MetricsInterceptor implements ServerInterceptor {
  public static final String LATENCY = "mmq.grpc.server.requests";
  public static final String ERRORS = "mmq.grpc.server.errors";

  /** Histogram bucket bounds, from a cached classification to a long training stream. */
  static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300)
  };

  private final MeterRegistry registry;

  public MetricsInterceptor(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Recorder recorder =
        new Recorder(call.getMethodDescriptor().getServiceName(), call.getMethodDescriptor().getBareMethodName());
    ServerCall<ReqT, RespT> recorded =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void close(Status status, Metadata trailers) {
            recorder.end(status.getCode());
            super.close(status, trailers);
          }
        };
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(recorded, headers)) {
      @Override
      public void onCancel() {
        recorder.end(Status.Code.CANCELLED);
        super.onCancel();
      }
    };
  }

  /** One call's measurement, recorded once: at close, or at cancellation when it never closes. */
  private final class Recorder {
    private final String service;
    private final String method;
    private final long started = System.nanoTime();
    private final AtomicBoolean ended = new AtomicBoolean();

    Recorder(String service, String method) {
      this.service = service == null ? "unknown" : service;
      this.method = method == null ? "unknown" : method;
    }

    void end(Status.Code code) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      Timer.builder(LATENCY)
          .description("gRPC calls handled, by service and method: seconds from arrival to close")
          .tags("service", service, "method", method)
          .serviceLevelObjectives(BUCKETS)
          .register(registry)
          .record(Duration.ofNanos(System.nanoTime() - started));
      if (code != Status.Code.OK) {
        Counter.builder(ERRORS)
            .description("gRPC calls that ended with another status than OK, by status code")
            .tags("service", service, "method", method, "code", code.name())
            .register(registry)
            .increment();
      }
    }
  }
}
