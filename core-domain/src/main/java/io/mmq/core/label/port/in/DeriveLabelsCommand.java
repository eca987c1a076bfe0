package io.mmq.core.label.port.in;

import io.mmq.core.engagement.model.TimeWindow;
import java.util.Objects;

/** The range whose engagement records are labelled (half-open). */
public record DeriveLabelsCommand(TimeWindow window) {
  public DeriveLabelsCommand {
    Objects.requireNonNull(window, "window is null");
  }
}
