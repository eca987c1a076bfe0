package io.mmq.core.label.port.in;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.policy.QualityLevels;
import java.util.Objects;
import java.util.Optional;

/**
 * The range whose engagement records are labelled (half-open); optionally the quality levels to
 * count (R5's K-level option, reported only: the stored labels stay positive/negative), and
 * whether this is a dry run (everything derived and reported, nothing stored).
 *
 * <pre>{@code
 * new DeriveLabelsCommand(range).withLevels(QualityLevels.of(5, 0.5)).withDryRun(true)
 * }</pre>
 */
public record DeriveLabelsCommand(
    TimeWindow window, Optional<QualityLevels> levels, boolean dryRun) {
  public DeriveLabelsCommand {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(levels, "levels is null");
  }

  /** Labels the range and stores them, without levels. */
  public DeriveLabelsCommand(TimeWindow window) {
    this(window, Optional.empty(), false);
  }

  /** Also counts, per task and record window, the records at each of these levels. */
  public DeriveLabelsCommand withLevels(QualityLevels newLevels) {
    return new DeriveLabelsCommand(
        window, Optional.of(Objects.requireNonNull(newLevels, "levels is null")), dryRun);
  }

  /** With {@code true}: derives and reports as usual but stores nothing. */
  public DeriveLabelsCommand withDryRun(boolean newDryRun) {
    return new DeriveLabelsCommand(window, levels, newDryRun);
  }
}
