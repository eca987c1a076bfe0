package io.mmq.persistence;

import io.mmq.core.engagement.model.TimeWindow;
import java.util.Arrays;

/**
 * Reuses the {@link TimeWindow} of recently read rows, so that a stream of a million records over a
 * few windows allocates a few windows, not a million (and a consumer that keeps records keeps one
 * window object per window). An open-addressing table of up to {@value #LIMIT} windows, emptied
 * when full. Not thread-safe: one per stream.
 */
final class WindowCache {
  private static final int SLOTS = 256;
  private static final int LIMIT = SLOTS * 3 / 4;

  private final long[] starts = new long[SLOTS];
  private final long[] ends = new long[SLOTS];
  private final TimeWindow[] windows = new TimeWindow[SLOTS];
  private int size;

  TimeWindow of(long startNanos, long endNanos) {
    // windows are often whole days, whose low bits agree: mix every bit into the slot
    long mixed = (startNanos * 0x9E3779B97F4A7C15L) ^ endNanos;
    mixed = (mixed ^ (mixed >>> 32)) * 0xC2B2AE3D27D4EB4FL;
    int slot = (int) (mixed >>> 56) & (SLOTS - 1);
    while (windows[slot] != null) {
      if (starts[slot] == startNanos && ends[slot] == endNanos) {
        return windows[slot];
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
    if (size == LIMIT) {
      Arrays.fill(windows, null);
      size = 0;
      return of(startNanos, endNanos);
    }
    TimeWindow window = TimeWindow.of(Instants.fromNanos(startNanos), Instants.fromNanos(endNanos));
    windows[slot] = window;
    starts[slot] = startNanos;
    ends[slot] = endNanos;
    size++;
    return window;
  }
}
