package io.mmq.core.label.port.out;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import java.util.List;
import java.util.function.Consumer;

/** Labels derived per window. A window's labels are replaced as a whole when derived again. */
public interface Labels {

  /** Replaces every label stored for exactly this window by the given ones, atomically. */
  void replaceWindow(TimeWindow window, List<LabelledResource> labels);

  /**
   * Streams the labelled resources of every stored window that lies inside {@code window},
   * ordered by window start then resource id.
   */
  void forEachIn(TimeWindow window, Consumer<LabelledResource> consumer);

  /** The windows with stored labels, oldest first. */
  List<TimeWindow> windows();
}
