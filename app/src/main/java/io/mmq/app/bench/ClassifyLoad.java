package io.mmq.app.bench;

import io.grpc.Channel;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Classify calls by resource id through real gRPC stubs: the ids are cut into calls of {@code
 * itemsPerCall} in order, and {@code concurrency} callers, each with a blocking stub on the same
 * channel, take the next call until none is left or the time limit has passed (calls in flight
 * then complete). Every id is sent at most once.
 */
public final class ClassifyLoad {
  private static final long DEADLINE_SECONDS = 60;

  private ClassifyLoad() {}

  /** What a load did: calls and items completed, its wall time, and each call's latency (ms). */
  public record Outcome(int concurrency, int itemsPerCall, int calls, long items, double seconds, Samples latencyMs) {
    public double itemsPerSecond() {
      return items / seconds;
    }

    public double callsPerSecond() {
      return calls / seconds;
    }
  }

  /**
   * @throws io.grpc.StatusRuntimeException when a call fails
   * @throws IllegalStateException when a response does not have one result per item
   */
  public static Outcome run(Channel channel, List<String> ids, int itemsPerCall, int concurrency, Duration limit)
      throws InterruptedException {
    Objects.requireNonNull(channel, "channel is null");
    if (ids.isEmpty() || itemsPerCall < 1 || concurrency < 1) {
      throw new IllegalArgumentException("need ids, at least one item per call and one caller");
    }
    List<ClassifyRequest> requests = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += itemsPerCall) {
      ClassifyRequest.Builder request = ClassifyRequest.newBuilder();
      ids.subList(from, Math.min(ids.size(), from + itemsPerCall))
          .forEach(id -> request.addItems(ClassifyItem.newBuilder().setResourceId(id)));
      requests.add(request.build());
    }
    double[] latencies = new double[requests.size()];
    java.util.Arrays.fill(latencies, Double.NaN);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    AtomicLong items = new AtomicLong();
    long[] end = new long[1];
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(concurrency, r -> {
      Thread thread = new Thread(r, "bench-caller");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        done.add(callers.submit(() -> {
          var stub = ClassificationServiceGrpc.newBlockingStub(channel);
          start.await();
          for (int i = next.getAndIncrement(); i < requests.size() && System.nanoTime() < end[0];
              i = next.getAndIncrement()) {
            ClassifyRequest request = requests.get(i);
            long sent = System.nanoTime();
            ClassifyResponse response =
                stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS).classify(request);
            latencies[i] = (System.nanoTime() - sent) / 1e6;
            if (response.getResultsCount() != request.getItemsCount()) {
              throw new IllegalStateException(
                  "asked " + request.getItemsCount() + " items, got " + response.getResultsCount() + " results");
            }
            completed.incrementAndGet();
            items.addAndGet(request.getItemsCount());
          }
          return null;
        }));
      }
      long begin = System.nanoTime();
      end[0] = begin + limit.toNanos();
      start.countDown();
      for (Future<?> future : done) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      if (completed.get() == 0) {
        throw new IllegalStateException("no Classify call completed within " + limit);
      }
      double[] measured = java.util.Arrays.stream(latencies).filter(l -> !Double.isNaN(l)).toArray();
      return new Outcome(concurrency, itemsPerCall, completed.get(), items.get(), seconds, Samples.of(measured));
    } finally {
      callers.shutdownNow();
    }
  }
}
