package io.mmq.core.resource.port.in;

import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Resources to store in one atomic batch; each id at most once. */
public record IngestResourcesCommand(List<Resource> resources) {
  public static final int MAX_RESOURCES = 10_000;

  public IngestResourcesCommand {
    resources = List.copyOf(Objects.requireNonNull(resources, "resources is null"));
    if (resources.size() > MAX_RESOURCES) {
      throw new IllegalArgumentException(
          "resources has " + resources.size() + " entries; at most " + MAX_RESOURCES + " allowed");
    }
    Set<ResourceId> seen = new HashSet<>();
    for (int i = 0; i < resources.size(); i++) {
      if (!seen.add(resources.get(i).id())) {
        throw new IllegalArgumentException(
            "resources[" + i + "].id '" + resources.get(i).id() + "' appears twice");
      }
    }
  }

  public static IngestResourcesCommand of(Resource... resources) {
    return new IngestResourcesCommand(List.of(resources));
  }
}
