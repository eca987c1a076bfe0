package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.out.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryResourcesTest {
  private final InMemoryResources resources = new InMemoryResources();

  @Test
  void countsInsertedUpdatedAndUnchangedResources() {
    resources.upsertAll(List.of(aResource().withId("a-1").build(), aResource().withId("a-2").build()));

    Resources.UpsertResult result =
        resources.upsertAll(
            List.of(
                aResource().withId("a-1").build(),
                aResource().withId("a-2").withTitle("Changed").build(),
                aResource().withId("a-3").build()));

    assertThat(result).isEqualTo(new Resources.UpsertResult(1, 1, 1));
    assertThat(resources.count()).isEqualTo(3);
    assertThat(resources.find(ResourceId.of("a-2")).orElseThrow().title()).isEqualTo("Changed");
  }

  @Test
  void aRepeatedIdInOneBatchCountsAgainstTheEarlierOne() {
    Resources.UpsertResult result =
        resources.upsertAll(
            List.of(
                aResource().withId("a-1").build(),
                aResource().withId("a-1").build(),
                aResource().withId("a-1").withTitle("Other").build()));

    assertThat(result).isEqualTo(new Resources.UpsertResult(1, 1, 1));
    assertThat(resources.count()).isEqualTo(1);
  }

  @Test
  void aBatchWithANullStoresNothing() {
    List<Resource> batch = Arrays.asList(aResource().withId("a-1").build(), null);

    assertThatThrownBy(() -> resources.upsertAll(batch))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("resources[1]");
    assertThat(resources.count()).isZero();
  }

  @Test
  void anInjectedWriteFaultStoresNothingAndTheNextWriteWorks() {
    resources.faults().failNextWrites(1);

    assertThatThrownBy(() -> resources.upsertAll(List.of(aResource().withId("a-1").build())))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(resources.count()).isZero();

    resources.upsertAll(List.of(aResource().withId("a-1").build()));
    assertThat(resources.count()).isEqualTo(1);
  }

  @Test
  void anOutageFailsReadsUntilTheStoreComesBack() {
    resources.faults().goDown();
    assertThatThrownBy(() -> resources.find(ResourceId.of("a-1")))
        .isInstanceOf(StorageUnavailableException.class);
    resources.faults().comeBack();
    assertThat(resources.find(ResourceId.of("a-1"))).isEmpty();
  }

  @Test
  void findAllSkipsUnknownIds() {
    resources.upsertAll(List.of(aResource().withId("a-1").build(), aResource().withId("a-2").build()));

    List<Resource> found =
        resources.findAll(List.of(ResourceId.of("a-2"), ResourceId.of("zz"), ResourceId.of("a-1")));

    assertThat(found).extracting(Resource::id)
        .containsExactlyInAnyOrder(ResourceId.of("a-1"), ResourceId.of("a-2"));
  }

  @Test
  void concurrentBatchesAreNeitherLostNorTorn() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Resources.UpsertResult>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<Resource> batch = new ArrayList<>();
                  for (int i = 0; i < 100; i++) {
                    batch.add(aResource().withId("t" + thread + "-" + i).build());
                  }
                  return resources.upsertAll(batch);
                }));
      }
      int inserted = 0;
      for (Future<Resources.UpsertResult> future : futures) {
        inserted += future.get().inserted();
      }
      assertThat(inserted).isEqualTo(800);
      assertThat(resources.count()).isEqualTo(800);
    } finally {
      pool.shutdownNow();
    }
  }
}
