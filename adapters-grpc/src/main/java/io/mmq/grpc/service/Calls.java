package io.mmq.grpc.service;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Runs a unary call so that it ends in exactly one onCompleted or onError, never an escape. */
final class Calls {
  private Calls() {}

  static <T> void unary(StreamObserver<T> response, Supplier<T> call) {
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
}
