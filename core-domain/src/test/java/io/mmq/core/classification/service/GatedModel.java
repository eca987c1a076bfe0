package io.mmq.core.classification.service;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A model that holds its predictions until {@link #open()}: each predict announces itself, then
 * waits for the gate. Records every batch it was given. For tests of what happens while a model
 * is busy (warming up, or predicting a batch).
 */
final class GatedModel implements QualityModel {
  private final QualityModel delegate;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private final List<List<Resource>> batches = new ArrayList<>();

  GatedModel(QualityModel delegate) {
    this.delegate = delegate;
  }

  @Override
  public TaskSet tasks() {
    return delegate.tasks();
  }

  @Override
  public List<Prediction> predict(List<Resource> resources) {
    synchronized (batches) {
      batches.add(List.copyOf(resources));
    }
    entered.countDown();
    try {
      if (!gate.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the gate was never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return delegate.predict(resources);
  }

  /** Waits until a prediction has started. */
  void awaitEntered() throws InterruptedException {
    if (!entered.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("no prediction started");
    }
  }

  void open() {
    gate.countDown();
  }

  List<List<Resource>> batches() {
    synchronized (batches) {
      return List.copyOf(batches);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
