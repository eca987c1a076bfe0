package io.mmq.grpc.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.mmq.grpc.server.GrpcServer;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.TrainingServiceGrpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * An in-process {@link GrpcServer} (health, reflection and the five services over a {@link
 * TestCore}) under a unique name, with a channel and the generated stubs. Calls run on the server's
 * own executor, so a client can cancel a call while it runs.
 */
final class GrpcHarness implements AutoCloseable {
  final TestCore core = new TestCore();
  final String name = InProcessServerBuilder.generateName();
  final GrpcServer server = core.server(InProcessServerBuilder.forName(name)).start();
  final ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
  final CatalogServiceGrpc.CatalogServiceBlockingStub catalog =
      CatalogServiceGrpc.newBlockingStub(channel);
  final CatalogServiceGrpc.CatalogServiceStub catalogAsync = CatalogServiceGrpc.newStub(channel);
  final ClassificationServiceGrpc.ClassificationServiceBlockingStub classification =
      ClassificationServiceGrpc.newBlockingStub(channel);
  final RecommendationServiceGrpc.RecommendationServiceBlockingStub recommendation =
      RecommendationServiceGrpc.newBlockingStub(channel);
  final ModelServiceGrpc.ModelServiceBlockingStub models =
      ModelServiceGrpc.newBlockingStub(channel);
  final TrainingServiceGrpc.TrainingServiceBlockingStub training =
      TrainingServiceGrpc.newBlockingStub(channel);

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }

  /** Waits (10 s at most) for work the server finishes after the client has stopped waiting. */
  static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s for the server").isLessThan(deadline);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The status a call failed with. */
  static Status statusOf(ThrowingCallable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call should fail").isNotNull();
    return e.getStatus();
  }

  /**
   * Asserts that the call failed with {@code code} and a BadRequest naming exactly {@code field}.
   */
  static void assertBadField(ThrowingCallable call, Status.Code code, String field) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("the call should fail").isNotNull();
    assertThat(e.getStatus().getCode()).as(String.valueOf(e.getStatus())).isEqualTo(code);
    assertThat(violations(e))
        .extracting(BadRequest.FieldViolation::getField)
        .containsExactly(field);
    assertThat(e.getStatus().getDescription()).startsWith(field + ": ");
  }

  static void assertInvalid(ThrowingCallable call, String field) {
    assertBadField(call, Status.Code.INVALID_ARGUMENT, field);
  }

  static List<BadRequest.FieldViolation> violations(Throwable error) {
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertThat(status).as("a google.rpc.Status detail").isNotNull();
    return status.getDetailsList().stream()
        .filter(any -> any.is(BadRequest.class))
        .flatMap(
            any -> {
              try {
                return any.unpack(BadRequest.class).getFieldViolationsList().stream();
              } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }
}
