package io.mmq.core.resource.port.in;

import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;

/** Reads one resource of the catalogue. */
public interface GetResourceUseCase {
  /**
   * @throws io.mmq.core.common.NotFoundException naming the id when it is not in the catalogue
   */
  Resource get(ResourceId id);
}
