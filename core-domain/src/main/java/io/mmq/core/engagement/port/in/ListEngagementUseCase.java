package io.mmq.core.engagement.port.in;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.resource.model.ResourceId;
import java.util.List;

/** Lists the engagement recorded for one resource, ordered by window start. */
public interface ListEngagementUseCase {
  /** The records of the resource; empty for an unknown id. */
  List<EngagementRecord> list(ResourceId id);
}
