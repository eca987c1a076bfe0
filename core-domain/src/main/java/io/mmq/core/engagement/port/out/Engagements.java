package io.mmq.core.engagement.port.out;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.util.List;
import java.util.function.Consumer;

/** Engagement history: one record per resource and window. */
public interface Engagements {

  /**
   * Stores the records atomically: all or none. A record for a (resource, window) already stored
   * replaces it; storing the same record twice changes nothing.
   *
   * @return how many records were new or changed
   */
  int recordAll(List<EngagementRecord> records);

  /**
   * Streams every record whose window lies inside {@code window}, ordered by resource id, without
   * loading them all into memory.
   */
  void forEachIn(TimeWindow window, Consumer<EngagementRecord> consumer);

  List<EngagementRecord> findByResource(ResourceId id);

  long count();
}
