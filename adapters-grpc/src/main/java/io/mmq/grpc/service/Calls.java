package io.mmq.grpc.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/**
 * Runs a unary call so that it ends in exactly one onCompleted or onError, never an escape; a call
 * already cancelled (deadline passed, client gone) does no work.
 */
final class Calls {
  private Calls() {}

  static <T> void unary(StreamObserver<T> response, Supplier<T> call) {
    if (endedByCancel(response)) {
      return;
    }
    T value;
    try {
      value = call.get();
    } catch (RuntimeException | Error e) {
      response.onError(StatusMapper.toStatus(e));
      return;
    }
    response.onNext(value);
    response.onCompleted();
  }

  /**
   * Ends a call whose deadline passed or whose client left while it was queued, before it does any
   * work; true when it did.
   */
  static boolean endedByCancel(StreamObserver<?> response) {
    Context context = Context.current();
    if (!context.isCancelled()) {
      return false;
    }
    response.onError(Contexts.statusFromCancelled(context).asRuntimeException());
    return true;
  }
}
