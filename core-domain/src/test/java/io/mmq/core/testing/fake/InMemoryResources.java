package io.mmq.core.testing.fake;

import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory {@link Resources}: atomic all-or-none upserts (a batch with a null entry, or one
 * that hits an injected fault, stores nothing), idempotent for equal resources. Within one batch a
 * later resource with the same id counts against the earlier one. Thread-safe.
 */
public final class InMemoryResources implements Resources {
  private final Map<ResourceId, Resource> byId = new TreeMap<>();
  private final FaultSwitch faults = new FaultSwitch("resources");

  public FaultSwitch faults() {
    return faults;
  }

  @Override
  public synchronized UpsertResult upsertAll(List<Resource> resources) {
    Objects.requireNonNull(resources, "resources is null");
    for (int i = 0; i < resources.size(); i++) {
      Objects.requireNonNull(resources.get(i), "resources[" + i + "] is null");
    }
    faults.checkWrite();
    Map<ResourceId, Resource> staged = new TreeMap<>();
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    for (Resource resource : resources) {
      ResourceId id = resource.id();
      Resource previous = staged.containsKey(id) ? staged.get(id) : byId.get(id);
      staged.put(id, resource);
      if (previous == null) {
        inserted++;
      } else if (previous.equals(resource)) {
        unchanged++;
      } else {
        updated++;
      }
    }
    byId.putAll(staged);
    return new UpsertResult(inserted, updated, unchanged);
  }

  @Override
  public synchronized Optional<Resource> find(ResourceId id) {
    Objects.requireNonNull(id, "id is null");
    faults.checkRead();
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized List<Resource> findAll(Collection<ResourceId> ids) {
    Objects.requireNonNull(ids, "ids is null");
    faults.checkRead();
    List<Resource> found = new ArrayList<>();
    for (ResourceId id : new LinkedHashSet<>(ids)) {
      Resource resource = byId.get(id);
      if (resource != null) {
        found.add(resource);
      }
    }
    return found;
  }

  @Override
  public synchronized long count() {
    faults.checkRead();
    return byId.size();
  }

  /** Every stored resource, ordered by id (test inspection). */
  public synchronized List<Resource> all() {
    return List.copyOf(byId.values());
  }
}
