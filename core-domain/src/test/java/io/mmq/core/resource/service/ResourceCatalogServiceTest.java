package io.mmq.core.resource.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.resource.port.in.IngestResourcesResult;
import io.mmq.core.testing.fake.InMemoryResources;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceCatalogServiceTest {
  private final InMemoryResources resources = new InMemoryResources();
  private final ResourceCatalogService service = new ResourceCatalogService(resources);

  @Test
  void ingestingTheSameResourcesAgainChangesNothing() {
    IngestResourcesCommand command =
        IngestResourcesCommand.of(aResource().withId("a-1").build(), aResource().withId("a-2").build());

    assertThat(service.ingest(command)).isEqualTo(new IngestResourcesResult(2, 0, 0));
    assertThat(service.ingest(command)).isEqualTo(new IngestResourcesResult(0, 0, 2));
    assertThat(service.ingest(IngestResourcesCommand.of(aResource().withId("a-1").withTitle("New").build())))
        .isEqualTo(new IngestResourcesResult(0, 1, 0));
    assertThat(service.get(ResourceId.of("a-1")).title()).isEqualTo("New");
  }

  @Test
  void aRepeatedIdInOneCommandIsRejectedWithItsPosition() {
    assertThatThrownBy(
            () -> IngestResourcesCommand.of(aResource().withId("a-1").build(), aResource().withId("a-1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resources[1].id 'a-1' appears twice");
  }

  @Test
  void aStoreOutageLosesNothingAlreadyStored() {
    service.ingest(IngestResourcesCommand.of(aResource().withId("a-1").build()));
    resources.faults().failNextWrites(1);

    assertThatThrownBy(() -> service.ingest(IngestResourcesCommand.of(aResource().withId("a-2").build())))
        .isInstanceOf(StorageUnavailableException.class);

    assertThat(resources.all()).extracting(r -> r.id().value()).containsExactly("a-1");
    assertThat(service.ingest(new IngestResourcesCommand(List.of())).total()).isZero();
  }

  @Test
  void anUnknownIdIsNotFound() {
    assertThatThrownBy(() -> service.get(ResourceId.of("nope")))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("resource 'nope' not found");
  }
}
