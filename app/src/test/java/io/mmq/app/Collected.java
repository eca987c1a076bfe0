package io.mmq.app;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Collects a unary response of a client-streaming call. */
final class Collected<T> implements StreamObserver<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private T value;

  @Override
  public void onNext(T next) {
    value = next;
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onCompleted() {
    result.complete(value);
  }

  T get() throws Exception {
    return result.get(60, TimeUnit.SECONDS);
  }
}
