package io.mmq.core.classification.port.in;

import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import java.util.Objects;

/** A resource given whole, or by the id of one in the catalogue. */
public sealed interface ResourceRef {

  ResourceId id();

  static ResourceRef byId(ResourceId id) {
    return new ById(id);
  }

  static ResourceRef byId(String id) {
    return new ById(ResourceId.of(id));
  }

  static ResourceRef given(Resource resource) {
    return new Given(resource);
  }

  /** A resource to look up in the catalogue. */
  record ById(ResourceId id) implements ResourceRef {
    public ById {
      Objects.requireNonNull(id, "id is null");
    }
  }

  /** A resource carried whole (it need not be in the catalogue). */
  record Given(Resource resource) implements ResourceRef {
    public Given {
      Objects.requireNonNull(resource, "resource is null");
    }

    @Override
    public ResourceId id() {
      return resource.id();
    }
  }
}
