package io.mmq.core.validation.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.port.in.TaskLabelCounts;
import io.mmq.core.recommendation.port.in.RerankCandidate;
import io.mmq.core.recommendation.port.in.RerankCommand;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.registry.port.in.RollbackModelCommand;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.model.JobState;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainModelResult;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole life of the core on in-memory fakes: ingest, record engagement, derive labels, train,
 * classify, rerank, survive a cancelled and a failed training, validate (KEEP, then UPDATE that is
 * REJECTED, then UPDATE that is PROMOTED), roll back and promote again. The data are those of
 * {@link ValidationServiceTest}.
 */
class WholeFlowTest {
  private static final TaskName CTR = TaskName.of("ctr");

  private final InMemoryCore core = InMemoryCore.create();
  private final QualityDay day24 = QualityDay.on("2016-06-24").good("great story", 10).bad("dull story", 10);
  private final QualityDay day25 = QualityDay.on("2016-06-25").good("great story", 10).bad("dull story", 10);
  private final QualityDay day26 = QualityDay.on("2016-06-26").good("great text", 10).bad("great video", 10);

  @Test
  void fromIngestionToRollback() {
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));

    // ingest, record, label
    assertThat(core.catalog.ingest(new IngestResourcesCommand(day24.resources())).inserted()).isEqualTo(20);
    assertThat(core.catalog.ingest(new IngestResourcesCommand(day24.resources())).unchanged()).isEqualTo(20);
    assertThat(core.engagement.record(new RecordEngagementCommand(day24.engagement())).stored()).isEqualTo(20);
    DeriveLabelsResult labels = core.labels.derive(new DeriveLabelsCommand(day24.window()));
    assertThat(labels.tasks().get(CTR)).isEqualTo(new TaskLabelCounts(10, 10, 0));

    // no model yet
    assertThatThrownBy(() -> classify("great story", "dull story"))
        .isInstanceOf(PreconditionFailedException.class);

    // train: the first model becomes active
    TrainModelResult first = core.training.train(TrainModelCommand.of(day24.window(), 7), TrainingObserver.NONE);
    ModelVersion m1 = first.model().orElseThrow().version();
    assertThat(first.activated()).isTrue();

    // classify and rerank
    ClassifyResourcesResult classified = classify("great story", "dull story");
    assertThat(classified.modelVersion()).isEqualTo(m1);
    assertThat(classified.results()).extracting(Classification::quality)
        .containsExactly(QualityClass.HIGH, QualityClass.LOW);
    assertThat(
            core.rerank.rerank(
                    RerankCommand.of(
                        RerankCandidate.byId("2016-06-24-15", 1.0),
                        RerankCandidate.byId("2016-06-24-03", 0.9)))
                .result().ranked())
        .extracting(item -> item.id().value())
        .containsExactly("2016-06-24-03", "2016-06-24-15");

    // a cancelled and a failing training leave the active model serving
    core.ports.clock.advance(Duration.ofHours(1));
    TrainModelResult cancelled =
        core.training.train(
            TrainModelCommand.of(day24.window(), 8),
            new TrainingObserver() {
              @Override
              public boolean isCancelled() {
                return true;
              }
            });
    assertThat(cancelled.job().state()).isEqualTo(JobState.CANCELLED);
    core.ports.trainer.failAtStep(3, new IllegalStateException("GPU lost"));
    assertThatThrownBy(() -> core.training.train(TrainModelCommand.of(day24.window(), 9), TrainingObserver.NONE))
        .hasMessage("GPU lost");
    assertThat(core.training.list()).extracting(job -> job.state())
        .containsExactly(JobState.FAILED, JobState.CANCELLED, JobState.SUCCEEDED);
    assertThat(classify("great story").modelVersion()).isEqualTo(m1);

    // validate: still accurate on the next day
    core.ingestAndLabel(day25.resources(), day25.engagement(), day25.window());
    core.ports.clock.advance(Duration.ofDays(1));
    assertThat(core.validation.validate(ValidateModelCommand.validateAndUpdate(day25.window(), 1)).decision())
        .isEqualTo(Decision.KEEP);

    // the world changes: a worse candidate is rejected, a better one promoted
    core.ingestAndLabel(day26.resources(), day26.engagement(), day26.window());
    core.ports.clock.advance(Duration.ofDays(5));
    assertThat(core.schedule.check().due()).isTrue();
    ValidateModelResult rejected =
        core.validation.validate(
            ValidateModelCommand.validateAndUpdate(day26.window(), 11)
                .withHyperparameters(Map.of("fake.invert", "true")));
    assertThat(rejected.decision()).isEqualTo(Decision.REJECTED);
    assertThat(core.models.active().orElseThrow().version()).isEqualTo(m1);

    core.ports.clock.advance(Duration.ofMinutes(1));
    ValidateModelResult promoted =
        core.validation.validate(ValidateModelCommand.validateAndUpdate(day26.window(), 11));
    assertThat(promoted.decision()).isEqualTo(Decision.PROMOTED);
    ModelVersion m2 = promoted.run().candidate().orElseThrow();
    assertThat(core.schedule.check().due()).isFalse();

    // the promoted model now serves, and tells text from video
    ClassifyResourcesResult after = classify("great text", "great video");
    assertThat(after.modelVersion()).isEqualTo(m2);
    assertThat(after.results()).extracting(Classification::quality)
        .containsExactly(QualityClass.HIGH, QualityClass.LOW);

    // roll back to the first model, then promote the new one again
    assertThat(core.models.rollback(RollbackModelCommand.toPrevious()).active().version()).isEqualTo(m1);
    assertThat(classify("great video").modelVersion()).isEqualTo(m1);
    assertThat(core.models.promote(new PromoteModelCommand(m2)).previous()).contains(m1);
    assertThat(classify("great video").modelVersion()).isEqualTo(m2);
    assertThat(core.models.list()).extracting(ModelRecord::version).contains(m1, m2);
    assertThat(core.ports.validationRuns.list()).extracting(run -> run.decision())
        .containsExactly(Decision.PROMOTED, Decision.REJECTED, Decision.KEEP);
  }

  private ClassifyResourcesResult classify(String... titles) {
    ResourceRef[] refs = new ResourceRef[titles.length];
    for (int i = 0; i < titles.length; i++) {
      refs[i] = ResourceRef.given(aResource().withId("probe-" + i).withTitle(titles[i]).build());
    }
    return core.classification.classify(ClassifyResourcesCommand.of(refs));
  }
}
