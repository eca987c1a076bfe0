package io.mmq.core.testing.fake;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.port.out.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory {@link Labels}: a window's labels are replaced as a whole and atomically; every
 * label given must belong to that window and name each resource once (else {@link
 * IllegalArgumentException} and nothing changes). Replacing a window by an empty list removes it.
 * Streams ordered by window start (then end), then resource id, on a snapshot. Thread-safe.
 */
public final class InMemoryLabels implements Labels {
  private static final Comparator<TimeWindow> WINDOW_ORDER =
      Comparator.comparing(TimeWindow::start).thenComparing(TimeWindow::end);

  private final Map<TimeWindow, List<LabelledResource>> byWindow = new TreeMap<>(WINDOW_ORDER);
  private final FaultSwitch faults = new FaultSwitch("labels");

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public synchronized void replaceWindow(TimeWindow window, List<LabelledResource> labels) {
    LabelledResource.requireWindowBatch(window, labels);
    faults.checkWrite();
    if (labels.isEmpty()) {
      byWindow.remove(window);
      return;
    }
    List<LabelledResource> sorted = new ArrayList<>(labels);
    sorted.sort(Comparator.comparing(LabelledResource::resourceId));
    byWindow.put(window, List.copyOf(sorted));
  }

  @Override
  public void forEachIn(TimeWindow window, Consumer<LabelledResource> consumer) {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(consumer, "consumer is null");
    List<LabelledResource> snapshot = new ArrayList<>();
    synchronized (this) {
      faults.checkRead();
      byWindow.forEach(
          (stored, labels) -> {
            if (window.encloses(stored)) {
              snapshot.addAll(labels);
            }
          });
    }
    snapshot.forEach(consumer);
  }

  @Override
  public synchronized List<TimeWindow> windows() {
    faults.checkRead();
    return List.copyOf(byWindow.keySet());
  }

  /** The labels stored for exactly this window, ordered by resource id (test inspection). */
  public synchronized List<LabelledResource> inWindow(TimeWindow window) {
    return byWindow.getOrDefault(window, List.of());
  }
}
