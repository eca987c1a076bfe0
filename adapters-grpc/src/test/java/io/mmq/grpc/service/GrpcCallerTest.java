package io.mmq.grpc.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Deadline;
import io.mmq.core.common.CallerState;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The core sees a gRPC call's deadline and cancellation. */
class GrpcCallerTest {

  @Test
  void withoutADeadlineTheCallerWaitsUntilCancelled() throws Exception {
    Context.CancellableContext context = Context.current().withCancellation();
    CallerState caller = context.call(GrpcCaller::current);

    assertThat(caller.nanosLeft()).isEmpty();
    assertThat(caller.isCancelled()).isFalse();
    context.cancel(null);
    assertThat(caller.isCancelled()).isTrue();
    assertThat(caller.isPastDeadline()).isFalse();
  }

  @Test
  void theDeadlineIsSeenAndItsPassingCancels() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      Context.CancellableContext context =
          Context.current().withDeadline(Deadline.after(50, TimeUnit.MILLISECONDS), scheduler);
      CallerState caller = context.call(GrpcCaller::current);

      assertThat(caller.nanosLeft()).isPresent();
      assertThat(caller.nanosLeft().getAsLong()).isBetween(1L, TimeUnit.MILLISECONDS.toNanos(50));
      Thread.sleep(200);
      assertThat(caller.isPastDeadline()).isTrue();
      assertThat(caller.isCancelled()).isTrue();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
