package io.mmq.core.engagement.service;

import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.engagement.port.in.RecordEngagementResult;
import io.mmq.core.engagement.port.in.RecordEngagementUseCase;
import io.mmq.core.engagement.port.out.Engagements;
import java.util.Objects;

/** Stores engagement records through the {@link Engagements} port, a batch at a time. */
public final class RecordEngagementService implements RecordEngagementUseCase {
  private final Engagements engagements;

  public RecordEngagementService(Engagements engagements) {
    this.engagements = Objects.requireNonNull(engagements, "engagements is null");
  }

  @Override
  public RecordEngagementResult record(RecordEngagementCommand command) {
    Objects.requireNonNull(command, "command is null");
    if (command.records().isEmpty()) {
      return new RecordEngagementResult(0, 0);
    }
    int stored = engagements.recordAll(command.records());
    return new RecordEngagementResult(command.records().size(), stored);
  }
}
