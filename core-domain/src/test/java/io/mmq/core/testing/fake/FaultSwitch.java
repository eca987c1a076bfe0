package io.mmq.core.testing.fake;

import io.mmq.core.common.StorageUnavailableException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injects store outages into an in-memory fake: while {@link #goDown() down}, every call throws
 * {@link StorageUnavailableException}; {@link #failNextWrites(int)} makes only the next writes
 * fail. A failing write changes nothing, as a real transaction that rolls back.
 */
public final class FaultSwitch {
  private final String store;
  private volatile boolean down;
  private final AtomicInteger failingWrites = new AtomicInteger();

  FaultSwitch(String store) {
    this.store = store;
  }

  /** Every later call fails until {@link #comeBack()}. */
  public void goDown() {
    down = true;
  }

  public void comeBack() {
    down = false;
    failingWrites.set(0);
  }

  /** The next {@code count} writes fail; reads keep working. */
  public void failNextWrites(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    failingWrites.set(count);
  }

  public boolean isDown() {
    return down;
  }

  void checkRead() {
    if (down) {
      throw new StorageUnavailableException(store + " is unavailable (injected outage)");
    }
  }

  void checkWrite() {
    checkRead();
    if (failingWrites.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw new StorageUnavailableException(store + " write failed (injected fault)");
    }
  }
}
