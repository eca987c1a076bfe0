package io.mmq.core.resource.service;

import io.mmq.core.common.NotFoundException;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.in.GetResourceUseCase;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.resource.port.in.IngestResourcesResult;
import io.mmq.core.resource.port.in.IngestResourcesUseCase;
import io.mmq.core.resource.port.out.Resources;
import java.util.Objects;

/** Ingests resources into the catalogue and reads them back. */
public final class ResourceCatalogService implements IngestResourcesUseCase, GetResourceUseCase {
  private final Resources resources;

  public ResourceCatalogService(Resources resources) {
    this.resources = Objects.requireNonNull(resources, "resources is null");
  }

  @Override
  public IngestResourcesResult ingest(IngestResourcesCommand command) {
    Objects.requireNonNull(command, "command is null");
    if (command.resources().isEmpty()) {
      return new IngestResourcesResult(0, 0, 0);
    }
    Resources.UpsertResult result = resources.upsertAll(command.resources());
    return new IngestResourcesResult(result.inserted(), result.updated(), result.unchanged());
  }

  @Override
  public Resource get(ResourceId id) {
    Objects.requireNonNull(id, "id is null");
    return resources
        .find(id)
        .orElseThrow(() -> new NotFoundException("resource '" + id + "' not found"));
  }
}
