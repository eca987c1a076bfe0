package io.mmq.core.testing.fake;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory {@link Engagements}: one record per (resource, window), atomic all-or-none batches,
 * idempotent re-recording, and {@link #forEachIn} ordered by resource id then window start. The
 * consumer runs outside the lock (on a snapshot), so it may call back into the fake. Counts the
 * streaming passes so tests can check that a service streams instead of loading. Thread-safe.
 */
public final class InMemoryEngagements implements Engagements {
  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::resourceId)
          .thenComparing(Key::start)
          .thenComparing(Key::end);

  private record Key(ResourceId resourceId, Instant start, Instant end) {
    static Key of(EngagementRecord record) {
      return new Key(record.resourceId(), record.window().start(), record.window().end());
    }
  }

  private final NavigableMap<Key, EngagementRecord> records = new TreeMap<>(ORDER);
  private final FaultSwitch faults = new FaultSwitch("engagements");
  private final AtomicInteger passes = new AtomicInteger();

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public synchronized int recordAll(List<EngagementRecord> batch) {
    Objects.requireNonNull(batch, "records is null");
    for (int i = 0; i < batch.size(); i++) {
      Objects.requireNonNull(batch.get(i), "records[" + i + "] is null");
    }
    faults.checkWrite();
    Map<Key, EngagementRecord> staged = new HashMap<>();
    int changed = 0;
    for (EngagementRecord record : batch) {
      Key key = Key.of(record);
      EngagementRecord previous = staged.containsKey(key) ? staged.get(key) : records.get(key);
      if (!record.equals(previous)) {
        changed++;
      }
      staged.put(key, record);
    }
    records.putAll(staged);
    return changed;
  }

  @Override
  public void forEachIn(TimeWindow window, Consumer<EngagementRecord> consumer) {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(consumer, "consumer is null");
    List<EngagementRecord> snapshot = new ArrayList<>();
    synchronized (this) {
      faults.checkRead();
      passes.incrementAndGet();
      for (EngagementRecord record : records.values()) {
        if (window.encloses(record.window())) {
          snapshot.add(record);
        }
      }
    }
    snapshot.forEach(consumer);
  }

  @Override
  public synchronized List<EngagementRecord> findByResource(ResourceId id) {
    Objects.requireNonNull(id, "id is null");
    faults.checkRead();
    return List.copyOf(
        records.subMap(
                new Key(id, Instant.MIN, Instant.MIN), true,
                new Key(id, Instant.MAX, Instant.MAX), true)
            .values());
  }

  @Override
  public synchronized long count() {
    faults.checkRead();
    return records.size();
  }

  /** How many times {@link #forEachIn} has been called. */
  public int forEachInPasses() {
    return passes.get();
  }
}
