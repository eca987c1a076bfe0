package io.mmq.grpc.service;

import io.grpc.Context;
import io.grpc.Deadline;
import io.mmq.core.common.CallerState;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** The caller of a gRPC call as the core sees it: the call's context's cancellation and deadline. */
final class GrpcCaller implements CallerState {
  private final Context context;

  private GrpcCaller(Context context) {
    this.context = Objects.requireNonNull(context, "context is null");
  }

  /** The caller of the call running on this thread. */
  static CallerState current() {
    return new GrpcCaller(Context.current());
  }

  @Override
  public boolean isCancelled() {
    return context.isCancelled();
  }

  @Override
  public OptionalLong nanosLeft() {
    Deadline deadline = context.getDeadline();
    return deadline == null
        ? OptionalLong.empty()
        : OptionalLong.of(deadline.timeRemaining(TimeUnit.NANOSECONDS));
  }
}
