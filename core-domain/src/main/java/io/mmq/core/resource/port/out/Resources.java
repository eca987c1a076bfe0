package io.mmq.core.resource.port.out;

import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalogue of resources. */
public interface Resources {

  /** How an upsert went: new resources, changed ones, and ones already stored as given. */
  record UpsertResult(int inserted, int updated, int unchanged) {
    public int total() {
      return inserted + updated + unchanged;
    }
  }

  /**
   * Stores the resources atomically: all or none. Storing a resource equal to the stored one
   * changes nothing (idempotent).
   */
  UpsertResult upsertAll(List<Resource> resources);

  Optional<Resource> find(ResourceId id);

  /** The stored resources among the ids, in no particular order; unknown ids are skipped. */
  List<Resource> findAll(Collection<ResourceId> ids);

  long count();
}
