package io.mmq.core.classification.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.testing.fake.FakeModels;
import io.mmq.core.testing.fake.FakeQualityModel;
import io.mmq.core.testing.fake.FakeQualityModelLoader;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import io.mmq.core.testing.fake.InMemoryResources;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PredictionCacheTest {
  private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
  private final FakeQualityModelLoader loader = new FakeQualityModelLoader();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final ActiveModelHolder holder =
      new ActiveModelHolder(registry, loader, telemetry, WarmUpBatch.synthetic(2));
  private final ClassificationService cached =
      new ClassificationService(
          new InMemoryResources(), holder, QualityAggregationPolicy.MAJORITY,
          ServingSettings.DEFAULT, telemetry);
  private final ClassificationService uncached =
      new ClassificationService(
          new InMemoryResources(), holder, QualityAggregationPolicy.MAJORITY,
          ServingSettings.DEFAULT.withCacheEntries(0), Telemetry.NONE);

  @AfterEach
  void close() {
    cached.close();
    uncached.close();
  }

  @Test
  void aResourceAlreadyClassifiedIsAnsweredFromTheCacheWithTheSameResult() {
    register("m-1", ModelStatus.ACTIVE, "great story");
    List<Resource> resources = resources("great story", "dull day", "great day");

    ClassifyResourcesResult first = classify(cached, resources);
    FakeQualityModel model = loader.loaded().get(0);
    long predicted = model.predictedResources();
    ClassifyResourcesResult again = classify(cached, resources);

    assertThat(model.predictedResources()).isEqualTo(predicted); // nothing predicted again
    assertThat(again).isEqualTo(first);
    assertThat(again).isEqualTo(classify(uncached, resources));
    assertThat(telemetry.hits).hasValue(3);
    assertThat(telemetry.misses).hasValue(3);
  }

  @Test
  void changedContentUnderTheSameIdIsPredictedAgain() {
    register("m-1", ModelStatus.ACTIVE, "great story");
    classify(cached, List.of(aResource().withId("r-1").withTitle("great story").build()));

    ClassifyResourcesResult changed =
        classify(cached, List.of(aResource().withId("r-1").withTitle("dull day").build()));

    assertThat(telemetry.hits).hasValue(0);
    assertThat(changed)
        .isEqualTo(classify(uncached, List.of(aResource().withId("r-1").withTitle("dull day").build())));
  }

  @Test
  void theCacheIsEmptiedWhenAnotherModelServes() {
    register("m-1", ModelStatus.ACTIVE, "great story");
    ModelRecord second = register("m-2", ModelStatus.CANDIDATE, "dull story");
    List<Resource> resources = resources("great story", "dull story");
    classify(cached, resources);

    holder.activate(second, () -> registry.activate(second.version(), Instant.EPOCH));
    ClassifyResourcesResult after = classify(cached, resources);

    assertThat(after.modelVersion()).isEqualTo(ModelVersion.of("m-2"));
    assertThat(telemetry.hits).hasValue(0);
    assertThat(loader.loaded().get(1).predictedResources()).isEqualTo(2 + 2); // warm-up + call
    assertThat(after.results()).allSatisfy(c -> assertThat(c.modelVersion()).isEqualTo(ModelVersion.of("m-2")));
  }

  @Test
  void theCacheKeepsTheMostRecentlyUsedEntriesUpToItsCapacity() {
    register("m-1", ModelStatus.ACTIVE, "great story");
    ClassificationService small =
        new ClassificationService(
            new InMemoryResources(), holder, QualityAggregationPolicy.MAJORITY,
            ServingSettings.DEFAULT.withCacheEntries(2), telemetry);
    try {
      classify(small, resources("a"));
      classify(small, resources("b"));
      classify(small, resources("a")); // hit: a is now the most recent
      classify(small, resources("c")); // evicts b
      classify(small, resources("a")); // hit
      classify(small, resources("b")); // miss
      assertThat(telemetry.hits).hasValue(2);
      assertThat(telemetry.misses).hasValue(4);
    } finally {
      small.close();
    }
  }

  private static ClassifyResourcesResult classify(ClassificationService service, List<Resource> resources) {
    return service.classify(ClassifyResourcesCommand.ofResources(resources.toArray(Resource[]::new)));
  }

  private static List<Resource> resources(String... titles) {
    return java.util.stream.IntStream.range(0, titles.length)
        .mapToObj(i -> aResource().withId("r-" + titles[i].replace(' ', '-')).withTitle(titles[i]).build())
        .toList();
  }

  private ModelRecord register(String version, ModelStatus status, String positiveTitle) {
    return FakeModels.register(registry, version, status, tasksNamed("ctr"), positiveTitle);
  }
}
