package io.mmq.core.classification.service;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.common.CallerGoneException;
import io.mmq.core.common.CallerState;
import io.mmq.core.common.OverloadedException;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.telemetry.Telemetry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the predictions of concurrent calls together (micro-batching): a call's resources wait in a
 * bounded queue; a worker takes the first waiting call and, for up to {@code maxDelay}, adds the
 * calls queued behind it that use the same model, up to {@code maxBatchSize} resources; then one
 * {@link QualityModel#predict} runs for all of them and each call gets its own predictions back, in
 * order. A call is never split, so a call larger than a batch runs alone.
 *
 * <p>At most {@code queueCapacity} resources wait: a call that would exceed it is refused with
 * {@link OverloadedException} (a call is always accepted by an empty queue, whatever its size). A
 * caller that gives up while its call waits (deadline, cancellation) has its call removed from the
 * queue and gets {@link CallerGoneException}; a worker also drops such calls instead of predicting
 * them. When a batch fails, its calls are retried one by one, so a bad resource fails only its own
 * call. Workers are threads of this batcher, started on first use and stopped by {@link #close}.
 * Thread-safe.
 */
public final class PredictionBatcher implements AutoCloseable {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final ServingSettings settings;
  private final Telemetry telemetry;
  private final ThreadFactory threads;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition waiting = lock.newCondition();
  private final ArrayDeque<Call> queue = new ArrayDeque<>();
  private final List<Thread> workers = new ArrayList<>();
  private int queuedResources;
  private boolean closed;

  public PredictionBatcher(ServingSettings settings, Telemetry telemetry) {
    this(settings, telemetry, daemonThreads());
  }

  public PredictionBatcher(ServingSettings settings, Telemetry telemetry, ThreadFactory threads) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry is null");
    this.threads = Objects.requireNonNull(threads, "threads is null");
  }

  /**
   * The model's predictions for {@code resources}, in order, computed in a batch with other calls.
   * The caller must keep {@code model} open until this returns.
   *
   * @throws OverloadedException when the queue is full
   * @throws CallerGoneException when the caller gave up while its call waited
   */
  public List<Prediction> predict(QualityModel model, List<Resource> resources, CallerState caller) {
    Objects.requireNonNull(model, "model is null");
    Objects.requireNonNull(resources, "resources is null");
    Objects.requireNonNull(caller, "caller is null");
    if (resources.isEmpty()) {
      return List.of();
    }
    if (caller.isCancelled() || caller.isPastDeadline()) {
      throw CallerGoneException.of(caller, "the call waited to be served");
    }
    Call call = new Call(model, List.copyOf(resources), caller);
    enqueue(call);
    return await(call);
  }

  /** Resources waiting now. */
  public int queuedResources() {
    lock.lock();
    try {
      return queuedResources;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the workers; calls still waiting fail with {@link IllegalStateException}. */
  @Override
  public void close() {
    List<Thread> stopping;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (Call call : queue) {
        call.result.completeExceptionally(
            new IllegalStateException("classification is shutting down"));
      }
      queue.clear();
      queuedResources = 0;
      waiting.signalAll();
      stopping = List.copyOf(workers);
    } finally {
      lock.unlock();
    }
    for (Thread worker : stopping) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void enqueue(Call call) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("classification is shut down");
      }
      int size = call.resources.size();
      if (queuedResources > 0 && queuedResources + size > settings.queueCapacity()) {
        throw new OverloadedException(
            "the classification queue is full (" + queuedResources + " resources waiting, at most "
                + settings.queueCapacity() + "): retry later");
      }
      startWorkers();
      queue.addLast(call);
      queuedResources += size;
      telemetry.queueDepth(queuedResources);
      waiting.signal();
    } finally {
      lock.unlock();
    }
  }

  private List<Prediction> await(Call call) {
    try {
      while (true) {
        OptionalLong left = call.caller.nanosLeft();
        long wait = left.isPresent() ? Math.max(1, Math.min(left.getAsLong(), POLL_NANOS)) : POLL_NANOS;
        try {
          return call.result.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (call.caller.isCancelled() || call.caller.isPastDeadline()) {
            abandon(call);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(call);
      throw new CallerGoneException(
          CallerGoneException.Reason.CANCELLED, "interrupted while the call waited to be served");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Removes a call whose caller gave up and throws; a call that a worker already took is waited
   * for (its batch is short), so that its model stays open while it runs.
   */
  private void abandon(Call call) {
    boolean removed;
    lock.lock();
    try {
      removed = queue.remove(call);
      if (removed) {
        dequeued(call);
        telemetry.queueDepth(queuedResources);
      }
    } finally {
      lock.unlock();
    }
    if (!removed) {
      try {
        call.result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // the caller is gone: its outcome no longer matters
      }
    }
    throw CallerGoneException.of(call.caller, "the call waited to be served");
  }

  private void startWorkers() {
    while (workers.size() < settings.workers()) {
      Thread worker = threads.newThread(this::work);
      workers.add(worker);
      worker.start();
    }
  }

  private void work() {
    while (true) {
      List<Call> batch;
      try {
        batch = nextBatch();
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        return;
      }
      run(batch);
    }
  }

  /** The next batch, or null once closed. */
  private List<Call> nextBatch() throws InterruptedException {
    lock.lock();
    try {
      Call first = null;
      while (first == null) {
        while (queue.isEmpty() && !closed) {
          waiting.await();
        }
        if (closed) {
          return null;
        }
        first = live(queue.pollFirst());
      }
      List<Call> batch = new ArrayList<>();
      batch.add(first);
      int size = first.resources.size();
      long until = System.nanoTime() + settings.maxDelay().toNanos();
      while (size < settings.maxBatchSize() && !closed) {
        Call next = queue.peekFirst();
        if (next == null) {
          long left = until - System.nanoTime();
          if (left <= 0) {
            break;
          }
          waiting.awaitNanos(left);
          continue;
        }
        if (next.model != first.model || size + next.resources.size() > settings.maxBatchSize()) {
          break;
        }
        queue.pollFirst();
        if (live(next) != null) {
          batch.add(next);
          size += next.resources.size();
        }
      }
      telemetry.queueDepth(queuedResources);
      if (!queue.isEmpty()) {
        waiting.signal();
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Accounts for a call taken off the queue; null (and the call failed) when its caller is gone. */
  private Call live(Call call) {
    dequeued(call);
    if (call.caller.isCancelled() || call.caller.isPastDeadline()) {
      call.result.completeExceptionally(
          CallerGoneException.of(call.caller, "the call waited to be served"));
      return null;
    }
    return call;
  }

  private void dequeued(Call call) {
    queuedResources -= call.resources.size();
  }

  private void run(List<Call> batch) {
    List<Resource> resources = new ArrayList<>();
    for (Call call : batch) {
      resources.addAll(call.resources);
    }
    List<Prediction> predictions;
    try {
      predictions = predict(batch.get(0).model, resources);
    } catch (RuntimeException | Error e) {
      if (batch.size() == 1) {
        batch.get(0).result.completeExceptionally(e);
      } else {
        for (Call call : batch) {
          run(List.of(call));
        }
      }
      return;
    }
    int from = 0;
    for (Call call : batch) {
      int to = from + call.resources.size();
      call.result.complete(List.copyOf(predictions.subList(from, to)));
      from = to;
    }
  }

  private List<Prediction> predict(QualityModel model, List<Resource> resources) {
    List<Prediction> predictions = model.predict(resources);
    if (predictions.size() != resources.size()) {
      throw new IllegalStateException(
          "the model returned " + predictions.size() + " predictions for " + resources.size()
              + " resources");
    }
    telemetry.classifyBatch(resources.size());
    return predictions;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger next = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "mmq-predict-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One caller's resources, the model it holds open, and where its predictions go. */
  private static final class Call {
    final QualityModel model;
    final List<Resource> resources;
    final CallerState caller;
    final CompletableFuture<List<Prediction>> result = new CompletableFuture<>();

    Call(QualityModel model, List<Resource> resources, CallerState caller) {
      this.model = model;
      this.resources = resources;
      this.caller = caller;
    }
  }
}
