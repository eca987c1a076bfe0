package io.mmq.core.engagement.port.in;

/**
 * Records engagement per resource and window (R4): all of a batch or none; a record for a
 * (resource, window) already stored replaces it, and recording the same record twice changes
 * nothing. The resources need not be in the catalogue yet.
 */
public interface RecordEngagementUseCase {
  RecordEngagementResult record(RecordEngagementCommand command);
}
