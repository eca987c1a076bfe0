package io.mmq.core.resource.port.in;

/**
 * Ingests resources into the catalogue (R1, R21): all of a batch or none, idempotent (ingesting
 * the same resources again changes nothing).
 */
public interface IngestResourcesUseCase {
  IngestResourcesResult ingest(IngestResourcesCommand command);
}
