package io.mmq.core.classification.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.testing.fake.FakeModels;
import io.mmq.core.testing.fake.FakeQualityModel;
import io.mmq.core.testing.fake.FakeQualityModelLoader;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import io.mmq.core.testing.fake.InMemoryResources;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ActiveModelHolderTest {
  private final InMemoryModelRegistry stored = new InMemoryModelRegistry();
  private final CountingRegistry registry = new CountingRegistry(stored);
  private final FakeQualityModelLoader loader = new FakeQualityModelLoader();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final ActiveModelHolder holder =
      new ActiveModelHolder(registry, loader, telemetry, WarmUpBatch.synthetic(4));

  @Test
  void classifyServesTheLoadedModelWithoutAskingTheRegistry() {
    register("m-1", ModelStatus.ACTIVE);
    assertThat(holder.refresh()).contains(v("m-1"));
    int queriesAfterLoad = registry.activeQueries.get();
    ClassificationService classification =
        new ClassificationService(
            new InMemoryResources(), holder, QualityAggregationPolicy.MAJORITY,
            ServingSettings.DEFAULT.withCacheEntries(0), telemetry);

    for (int i = 0; i < 50; i++) {
      classification.classify(
          ClassifyResourcesCommand.ofResources(aResource().withId("r-" + i).build()));
    }

    assertThat(registry.activeQueries.get()).isEqualTo(queriesAfterLoad);
    assertThat(registry.artifactLoads.get()).isEqualTo(1);
    classification.close();
  }

  @Test
  void aNewModelIsLoadedAndWarmedUpBeforeItTakesTheTraffic() throws Exception {
    register("m-1", ModelStatus.ACTIVE);
    register("m-2", ModelStatus.CANDIDATE);
    AtomicReference<GatedModel> second = new AtomicReference<>();
    ActiveModelHolder gated =
        new ActiveModelHolder(
            registry,
            artifact -> {
              FakeQualityModel model = loader.load(artifact);
              if (loader.loads() == 1) {
                return model;
              }
              second.set(new GatedModel(model));
              return second.get();
            },
            telemetry,
            WarmUpBatch.synthetic(4));
    assertThat(gated.refresh()).contains(v("m-1"));
    stored.activate(v("m-2"), Instant.EPOCH); // as another process would

    CompletableFuture<Optional<ModelVersion>> refresh = CompletableFuture.supplyAsync(gated::refresh);
    waitFor(second);
    second.get().awaitEntered();
    // m-2 is warming up: the calls meanwhile are served by m-1
    ModelVersion servedMeanwhile = gated.withActiveModel((record, model) -> record.version());
    assertThat(servedMeanwhile).isEqualTo(v("m-1"));
    assertThat(gated.loadedVersion()).contains(v("m-1"));
    second.get().open();

    assertThat(refresh.get(10, TimeUnit.SECONDS)).contains(v("m-2"));
    assertThat(second.get().batches()).singleElement()
        .satisfies(batch -> assertThat(batch).hasSize(4)); // the warm-up batch, before any call
    Object servedAfter = gated.withActiveModel((record, model) -> model);
    assertThat(servedAfter).isSameAs(second.get());
    assertThat(loader.loaded().get(0).isClosed()).isTrue();
    assertThat(telemetry.activeModels).containsExactly(Optional.of(v("m-1")), Optional.of(v("m-2")));
    assertThat(telemetry.loadTimes.get(1)).isPositive();
  }

  @Test
  void aCorruptArtifactIsRefusedAndTheServedModelKeepsServing() {
    register("m-1", ModelStatus.ACTIVE);
    ModelRecord candidate = register("m-2", ModelStatus.CANDIDATE);
    assertThat(holder.refresh()).contains(v("m-1"));
    stored.corruptArtifact(v("m-2"));
    AtomicInteger switches = new AtomicInteger();

    assertThatThrownBy(() -> holder.activate(candidate, switches::incrementAndGet))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("model m-2 cannot be served")
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("model m-1 stays active and serving");
    assertThat(switches).hasValue(0); // the registry was not switched

    // another process switched anyway: the poller refuses it too
    stored.activate(v("m-2"), Instant.EPOCH);
    assertThatThrownBy(holder::refresh)
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("model m-2 cannot be served");
    assertThat(holder.loadedVersion()).contains(v("m-1"));
    ModelVersion serving = holder.withActiveModel((record, model) -> record.version());
    assertThat(serving).isEqualTo(v("m-1"));
    assertThat(loader.loaded().get(0).isClosed()).isFalse();
  }

  @Test
  void aVersionThatCannotBeServedIsRetriedWithBackOffWhileANewVersionIsTriedAtOnce() {
    java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
    ActiveModelHolder polled =
        new ActiveModelHolder(registry, loader, telemetry, WarmUpBatch.synthetic(4), now::get);
    register("m-1", ModelStatus.ACTIVE);
    assertThat(polled.refresh()).contains(v("m-1"));
    register("m-2", ModelStatus.CANDIDATE);
    stored.corruptArtifact(v("m-2"));
    stored.activate(v("m-2"), Instant.EPOCH); // another process switched to a broken artifact
    int loads = registry.artifactLoads.get();

    for (int second = 0; second < 5; second++) { // a poll a second for 5 s: one load
      now.set(java.time.Duration.ofSeconds(second).toNanos());
      assertThatThrownBy(polled::refresh).hasMessageContaining("model m-2 cannot be served");
    }
    assertThat(registry.artifactLoads.get()).isEqualTo(loads + 1);
    now.set(java.time.Duration.ofSeconds(5).toNanos()); // retried after 5 s, then after 10 more
    assertThatThrownBy(polled::refresh).hasMessageContaining("model m-2 cannot be served");
    now.set(java.time.Duration.ofSeconds(14).toNanos());
    assertThatThrownBy(polled::refresh).hasMessageContaining("model m-2 cannot be served");
    assertThat(registry.artifactLoads.get()).isEqualTo(loads + 2);
    now.set(java.time.Duration.ofSeconds(15).toNanos());
    assertThatThrownBy(polled::refresh).hasMessageContaining("model m-2 cannot be served");
    assertThat(registry.artifactLoads.get()).isEqualTo(loads + 3);
    assertThat(polled.loadedVersion()).contains(v("m-1"));

    register("m-3", ModelStatus.CANDIDATE);
    stored.activate(v("m-3"), Instant.EPOCH); // a good version is tried at the next poll
    assertThat(polled.refresh()).contains(v("m-3"));
    polled.close();
  }

  @Test
  void aCallInFlightFinishesOnTheOldModelWhichIsClosedAfterIt() {
    register("m-1", ModelStatus.ACTIVE);
    ModelRecord second = register("m-2", ModelStatus.CANDIDATE);

    String seen =
        holder.withActiveModel(
            (outerRecord, outerModel) -> {
              holder.activate(second, () -> stored.activate(v("m-2"), Instant.EPOCH));
              String inner = holder.withActiveModel((record, model) -> record.version().value());
              FakeQualityModel old = (FakeQualityModel) outerModel;
              assertThat(old.isClosed()).isFalse();
              assertThat(old.predict(List.of(aResource().build()))).hasSize(1);
              return outerRecord.version() + "/" + inner;
            });

    assertThat(seen).isEqualTo("m-1/m-2");
    assertThat(loader.loaded().get(0).isClosed()).isTrue();
    assertThat(loader.loaded().get(1).isClosed()).isFalse();
    assertThat(holder.loadedVersion()).contains(v("m-2"));
  }

  @Test
  void withoutAnActiveModelCallsFailWithAPreconditionAndTheFirstCallLoadsIt() {
    assertThatThrownBy(() -> holder.withActiveModel((record, model) -> 1))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("no model is active");
    assertThat(holder.refresh()).isEmpty();

    register("m-1", ModelStatus.ACTIVE);

    ModelVersion served = holder.withActiveModel((record, model) -> record.version());
    assertThat(served).isEqualTo(v("m-1"));
    assertThat(loader.loaded().get(0).predictedResources()).isEqualTo(4); // warmed up
  }

  @Test
  void closingClosesTheLoadedModel() {
    register("m-1", ModelStatus.ACTIVE);
    assertThat(holder.refresh()).contains(v("m-1"));

    holder.close();

    assertThat(loader.loaded()).singleElement().satisfies(m -> assertThat(m.isClosed()).isTrue());
    assertThatThrownBy(() -> holder.withActiveModel((record, model) -> 1))
        .isInstanceOf(IllegalStateException.class);
  }

  private ModelRecord register(String version, ModelStatus status) {
    return FakeModels.register(stored, version, status, tasksNamed("ctr"), version);
  }

  private static void waitFor(AtomicReference<?> reference) throws InterruptedException {
    for (int i = 0; i < 1000 && reference.get() == null; i++) {
      Thread.sleep(10);
    }
    assertThat(reference.get()).isNotNull();
  }

  private static ModelVersion v(String version) {
    return ModelVersion.of(version);
  }

  /** A registry that counts the queries serving could make per call. */
  private static final class CountingRegistry implements ModelRegistry {
    final AtomicInteger activeQueries = new AtomicInteger();
    final AtomicInteger artifactLoads = new AtomicInteger();
    private final ModelRegistry delegate;

    CountingRegistry(ModelRegistry delegate) {
      this.delegate = delegate;
    }

    @Override
    public void register(ModelRecord record, ModelArtifact artifact) {
      delegate.register(record, artifact);
    }

    @Override
    public Optional<ModelRecord> find(ModelVersion version) {
      return delegate.find(version);
    }

    @Override
    public List<ModelRecord> list() {
      return delegate.list();
    }

    @Override
    public Optional<ModelRecord> active() {
      activeQueries.incrementAndGet();
      return delegate.active();
    }

    @Override
    public ModelArtifact loadArtifact(ModelVersion version) {
      artifactLoads.incrementAndGet();
      return delegate.loadArtifact(version);
    }

    @Override
    public void activate(ModelVersion version, Instant activatedAt) {
      delegate.activate(version, activatedAt);
    }

    @Override
    public void setStatus(ModelVersion version, ModelStatus status) {
      delegate.setStatus(version, status);
    }
  }
}
