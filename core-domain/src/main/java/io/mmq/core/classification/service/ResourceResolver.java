package io.mmq.core.classification.service;

import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns resource references into resources, in order: resources given whole are used as they are;
 * ids are read from the catalogue in one call. Unknown ids fail together, named in one message.
 */
final class ResourceResolver {
  private static final int NAMED_AT_MOST = 10;

  private final Resources resources;

  ResourceResolver(Resources resources) {
    this.resources = Objects.requireNonNull(resources, "resources is null");
  }

  /** @throws NotFoundException naming the ids that are not in the catalogue */
  List<Resource> resolve(List<ResourceRef> refs) {
    Objects.requireNonNull(refs, "refs is null");
    Set<ResourceId> wanted = new LinkedHashSet<>();
    for (ResourceRef ref : refs) {
      if (ref instanceof ResourceRef.ById byId) {
        wanted.add(byId.id());
      }
    }
    Map<ResourceId, Resource> found = new HashMap<>();
    if (!wanted.isEmpty()) {
      for (Resource resource : resources.findAll(wanted)) {
        found.put(resource.id(), resource);
      }
    }
    List<ResourceId> missing = wanted.stream().filter(id -> !found.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw new NotFoundException(describe(missing));
    }
    List<Resource> resolved = new ArrayList<>(refs.size());
    for (ResourceRef ref : refs) {
      if (ref instanceof ResourceRef.Given given) {
        resolved.add(given.resource());
      } else if (ref instanceof ResourceRef.ById byId) {
        resolved.add(found.get(byId.id()));
      }
    }
    return resolved;
  }

  private static String describe(List<ResourceId> missing) {
    StringBuilder message =
        new StringBuilder(missing.size() == 1 ? "resource " : "resources ");
    for (int i = 0; i < Math.min(missing.size(), NAMED_AT_MOST); i++) {
      message.append(i == 0 ? "" : ", ").append('\'').append(missing.get(i)).append('\'');
    }
    if (missing.size() > NAMED_AT_MOST) {
      message.append(" and ").append(missing.size() - NAMED_AT_MOST).append(" more");
    }
    return message.append(" not found in the catalogue").toString();
  }
}
