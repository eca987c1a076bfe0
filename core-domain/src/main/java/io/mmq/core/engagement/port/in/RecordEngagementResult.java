package io.mmq.core.engagement.port.in;

import io.mmq.core.common.Checks;

/** How a batch of engagement went: records received and how many of them were new or changed. */
public record RecordEngagementResult(int received, int stored) {
  public RecordEngagementResult {
    Checks.requireNonNegative(received, "received");
    Checks.requireNonNegative(stored, "stored");
    if (stored > received) {
      throw new IllegalArgumentException(
          "stored (" + stored + ") exceeds received (" + received + ")");
    }
  }

  /** Records that were already stored exactly as given. */
  public int unchanged() {
    return received - stored;
  }
}
