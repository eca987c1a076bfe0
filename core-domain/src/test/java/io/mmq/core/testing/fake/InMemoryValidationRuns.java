package io.mmq.core.testing.fake;

import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory {@link ValidationRuns}: a run with an id already stored replaces it; listed newest
 * first (run time, then save order). Thread-safe.
 */
public final class InMemoryValidationRuns implements ValidationRuns {
  private record Entry(ValidationRun run, long sequence) {}

  private final List<Entry> runs = new ArrayList<>();
  private final FaultSwitch faults = new FaultSwitch("validation runs");
  private long nextSequence;

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public synchronized void save(ValidationRun run) {
    Objects.requireNonNull(run, "run is null");
    faults.checkWrite();
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).run().id().equals(run.id())) {
        runs.set(i, new Entry(run, runs.get(i).sequence()));
        return;
      }
    }
    runs.add(new Entry(run, nextSequence++));
  }

  @Override
  public synchronized List<ValidationRun> list() {
    faults.checkRead();
    return runs.stream()
        .sorted(
            Comparator.comparing((Entry entry) -> entry.run().ranAt())
                .thenComparingLong(Entry::sequence)
                .reversed())
        .map(Entry::run)
        .toList();
  }

  @Override
  public synchronized Optional<ValidationRun> latest() {
    return list().stream().findFirst();
  }
}
