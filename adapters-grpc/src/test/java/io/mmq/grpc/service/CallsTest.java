package io.mmq.grpc.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.mmq.core.common.CallerGoneException;
import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.OverloadedException;
import io.mmq.core.common.StorageUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Every unary call ends in exactly one onCompleted or onError, with the one status mapping. */
class CallsTest {

  @Test
  void aValueIsSentThenTheCallCompletes() {
    Recording<String> response = new Recording<>();

    Calls.unary(response, () -> "ok");

    assertThat(response.events).containsExactly("next ok", "completed");
  }

  @Test
  void failuresBecomeOneStatusAndInternalOnesLeakNothing() {
    assertThat(statusOf(new NotFoundException("model m-9 not found")))
        .satisfies(s -> assertThat(s.getCode()).isEqualTo(Status.Code.NOT_FOUND))
        .satisfies(s -> assertThat(s.getDescription()).isEqualTo("model m-9 not found"));
    assertThat(statusOf(new ConflictException("busy")).getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(
            statusOf(new StorageUnavailableException("db down", new RuntimeException())).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(statusOf(new OverloadedException("the classification queue is full")).getCode())
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(
            statusOf(
                    new CallerGoneException(
                        CallerGoneException.Reason.DEADLINE_EXCEEDED, "the deadline passed"))
                .getCode())
        .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(
            statusOf(new CallerGoneException(CallerGoneException.Reason.CANCELLED, "cancelled"))
                .getCode())
        .isEqualTo(Status.Code.CANCELLED);
    Status internal = statusOf(new IllegalStateException("password=hunter2"));
    assertThat(internal.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(internal.getDescription()).isEqualTo("internal error");
  }

  @Test
  void aCallCancelledBeforeItStartsDoesNoWork() {
    Recording<String> response = new Recording<>();
    AtomicBoolean ran = new AtomicBoolean();
    Context.CancellableContext context = Context.current().withCancellation();
    context.cancel(null);

    context.run(
        () ->
            Calls.unary(
                response,
                () -> {
                  ran.set(true);
                  return "late";
                }));

    assertThat(ran).isFalse();
    assertThat(response.events).containsExactly("error CANCELLED");
  }

  private static Status statusOf(RuntimeException failure) {
    Recording<String> response = new Recording<>();
    Calls.unary(
        response,
        () -> {
          throw failure;
        });
    assertThat(response.events).hasSize(1);
    return response.status;
  }

  /** Records what a call sends. */
  private static final class Recording<T> implements StreamObserver<T> {
    final List<String> events = new ArrayList<>();
    Status status;

    @Override
    public void onNext(T value) {
      events.add("next " + value);
    }

    @Override
    public void onError(Throwable t) {
      status = Status.fromThrowable(t);
      events.add("error " + status.getCode());
    }

    @Override
    public void onCompleted() {
      events.add("completed");
    }
  }
}
