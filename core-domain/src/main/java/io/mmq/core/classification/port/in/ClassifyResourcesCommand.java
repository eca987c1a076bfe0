package io.mmq.core.classification.port.in;

import io.mmq.core.resource.model.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The resources to classify, in the order the results should come back; at least one. */
public record ClassifyResourcesCommand(List<ResourceRef> resources) {
  public static final int MAX_RESOURCES = 10_000;

  public ClassifyResourcesCommand {
    resources = List.copyOf(Objects.requireNonNull(resources, "resources is null"));
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources is empty: give at least one resource");
    }
    if (resources.size() > MAX_RESOURCES) {
      throw new IllegalArgumentException(
          "resources has " + resources.size() + " entries; at most " + MAX_RESOURCES + " allowed");
    }
  }

  public static ClassifyResourcesCommand of(ResourceRef... resources) {
    return new ClassifyResourcesCommand(List.of(resources));
  }

  public static ClassifyResourcesCommand ofResources(Resource... resources) {
    return new ClassifyResourcesCommand(
        Arrays.stream(resources).map(ResourceRef::given).toList());
  }
}
