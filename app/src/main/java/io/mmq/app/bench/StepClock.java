package io.mmq.app.bench;

import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainingObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Times a training from inside: the trainer polls its listener for cancellation before every step
 * (and before each batch of a periodic evaluation), so the gaps between consecutive polls are the
 * steps' durations, evaluation batches being the few long ones. Forwards everything to another
 * observer.
 */
public final class StepClock implements TrainingObserver {
  private final TrainingObserver delegate;
  private final List<Long> polls = new ArrayList<>();

  public StepClock(TrainingObserver delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate is null");
  }

  @Override
  public void onStarted(TrainingJob job) {
    delegate.onStarted(job);
  }

  @Override
  public void onProgress(TrainingProgress progress) {
    delegate.onProgress(progress);
  }

  @Override
  public synchronized boolean isCancelled() {
    polls.add(System.nanoTime());
    return delegate.isCancelled();
  }

  /** The gaps between consecutive polls, in seconds (empty before two polls). */
  public synchronized List<Double> gaps() {
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < polls.size(); i++) {
      gaps.add((polls.get(i) - polls.get(i - 1)) / 1e9);
    }
    return gaps;
  }
}
