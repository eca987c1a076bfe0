package io.mmq.core.engagement.service;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.port.in.ListEngagementUseCase;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.resource.model.ResourceId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Reads a resource's engagement history, ordered by window start. */
public final class EngagementQueryService implements ListEngagementUseCase {
  private final Engagements engagements;

  public EngagementQueryService(Engagements engagements) {
    this.engagements = Objects.requireNonNull(engagements, "engagements is null");
  }

  @Override
  public List<EngagementRecord> list(ResourceId id) {
    Objects.requireNonNull(id, "id is null");
    return engagements.findByResource(id).stream()
        .sorted(Comparator.comparing((EngagementRecord r) -> r.window().start()))
        .toList();
  }
}
