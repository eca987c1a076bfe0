package io.mmq.core.testing.fake;

import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.out.TrainingJobs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link TrainingJobs}: save inserts or replaces by id; listed newest first
 * (creation time, then first-save order). Keeps every saved state so tests can follow a job's
 * progress. Thread-safe.
 */
public final class InMemoryTrainingJobs implements TrainingJobs {
  private record Entry(TrainingJob job, long sequence) {}

  private final Map<JobId, Entry> jobs = new LinkedHashMap<>();
  private final List<TrainingJob> history = new ArrayList<>();
  private final FaultSwitch faults = new FaultSwitch("training jobs");
  private long nextSequence;

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public synchronized void save(TrainingJob job) {
    Objects.requireNonNull(job, "job is null");
    faults.checkWrite();
    Entry previous = jobs.get(job.id());
    jobs.put(job.id(), new Entry(job, previous == null ? nextSequence++ : previous.sequence()));
    history.add(job);
  }

  @Override
  public synchronized Optional<TrainingJob> find(JobId id) {
    Objects.requireNonNull(id, "id is null");
    faults.checkRead();
    return Optional.ofNullable(jobs.get(id)).map(Entry::job);
  }

  @Override
  public synchronized List<TrainingJob> list() {
    faults.checkRead();
    return jobs.values().stream()
        .sorted(
            Comparator.comparing((Entry entry) -> entry.job().createdAt())
                .thenComparingLong(Entry::sequence)
                .reversed())
        .map(Entry::job)
        .toList();
  }

  /** Every state ever saved, oldest first (test inspection). */
  public synchronized List<TrainingJob> history() {
    return List.copyOf(history);
  }
}
