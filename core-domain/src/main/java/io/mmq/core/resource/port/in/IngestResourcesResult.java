package io.mmq.core.resource.port.in;

import io.mmq.core.common.Checks;

/** How an ingestion went: new resources, changed ones, and ones already stored as given. */
public record IngestResourcesResult(int inserted, int updated, int unchanged) {
  public IngestResourcesResult {
    Checks.requireNonNegative(inserted, "inserted");
    Checks.requireNonNegative(updated, "updated");
    Checks.requireNonNegative(unchanged, "unchanged");
  }

  public int total() {
    return inserted + updated + unchanged;
  }
}
