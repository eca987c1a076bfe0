package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.classification.model.Prediction;
import io.mmq.core.label.model.Label;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.StopReason;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingCancelledException;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Worked example, one task "ctr", smoothing 1: training g1, g2 = "great story" POSITIVE and d1, d2
 * = "dull story" NEGATIVE in 2 steps (step 1 learns g1 and d1, step 2 g2 and d2); validation g3
 * POSITIVE, d3 NEGATIVE, same titles.
 *
 * <p>After step 1: prior (1+1)/(2+2) = 0.5; great (1 + 0.5)/(1 + 1) = 0.75; story (1 + 0.5)/(2 + 1)
 * = 0.5; dull 0.5/2 = 0.25; so p(great story) = 0.625, p(dull story) = 0.375, log-loss = -ln 0.625
 * = 0.470004, AUC 1. After step 2: great 2.5/3 = 0.83333, story 2.5/5 = 0.5, dull 0.5/3 = 0.16667;
 * p(great story) = 0.66667, p(dull story) = 0.33333, log-loss -ln(2/3) = 0.405465.
 */
class FakeModelTrainerTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskSet TASKS = tasksNamed("ctr");

  private final FakeModelTrainer trainer = new FakeModelTrainer();
  private final FakeQualityModelLoader loader = new FakeQualityModelLoader();

  @Test
  void stopsConvergedAfterTheFirstStepWhoseLossIsUnderTheThreshold() {
    List<TrainingProgress> progress = new ArrayList<>();

    TrainedModel converged =
        train(Map.of("steps", "2", "lossThreshold", "0.5"), Optional.empty(), listener(progress, 99));
    TrainedModel capped =
        train(Map.of("steps", "2", "lossThreshold", "0.45"), Optional.empty(), TrainingListener.NONE);

    // step 1's log-loss is 0.470004: under 0.5, above 0.45
    assertThat(progress).extracting(TrainingProgress::step).containsExactly(1);
    assertThat(converged.steps()).isEqualTo(1);
    assertThat(converged.stopReason()).isEqualTo(StopReason.CONVERGED);
    assertThat(converged.hyperparameters()).containsEntry("lossThreshold", "0.5");
    assertThat(converged.metrics().get("loss.ctr")).isCloseTo(0.470004, within(1e-6));
    assertThat(capped.steps()).isEqualTo(2);
    assertThat(capped.stopReason()).isEqualTo(StopReason.STEP_CAP);
    assertThatThrownBy(
            () -> train(Map.of("lossThreshold", "0"), Optional.empty(), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lossThreshold");
  }

  @Test
  void learnsTheWorkedExampleAndReportsEveryStep() {
    List<TrainingProgress> progress = new ArrayList<>();

    TrainedModel trained = train(Map.of("steps", "2"), Optional.empty(), listener(progress, 99));

    assertThat(progress).extracting(TrainingProgress::step).containsExactly(1, 2);
    assertThat(progress).extracting(TrainingProgress::examples).containsExactly(2L, 4L);
    assertThat(progress.get(0).taskLoss().get(CTR)).isCloseTo(0.470004, within(1e-6));
    assertThat(progress.get(1).taskLoss().get(CTR)).isCloseTo(0.405465, within(1e-6));
    assertThat(progress.get(1).validationAuc().get(CTR)).isEqualTo(1.0);
    assertThat(trained.steps()).isEqualTo(2);
    assertThat(trained.stopReason()).isEqualTo(StopReason.STEP_CAP);
    assertThat(trained.hyperparameters())
        .containsEntry("steps", "2")
        .containsEntry("smoothing", "1.0")
        .containsEntry("fake.invert", "false");
    assertThat(trained.metrics())
        .containsEntry("examples", 4.0)
        .containsEntry("validationExamples", 2.0)
        .containsEntry("auc.ctr", 1.0);

    FakeQualityModel model = loader.load(trained.artifact());
    assertThat(model.tasks()).isEqualTo(TASKS);
    List<Prediction> predictions =
        model.predict(
            List.of(
                aResource().withId("x").withTitle("Great story!").build(),
                aResource().withId("y").withTitle("great NEWS").build(),
                aResource().withId("z").withTitle("unheard words").build()));
    assertThat(predictions.get(0).tasks().get(CTR).probability()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(predictions.get(0).tasks().get(CTR).label()).isEqualTo(Label.POSITIVE);
    assertThat(predictions.get(1).tasks().get(CTR).probability()).isCloseTo(2.5 / 3, within(1e-9));
    assertThat(predictions.get(2).tasks().get(CTR).probability()).isEqualTo(0.5);
    assertThat(trainer.lastCall().training()).extracting(ResourceId::value)
        .containsExactly("g1", "g2", "d1", "d2");
    assertThat(trainer.lastCall().validation()).extracting(ResourceId::value)
        .containsExactly("g3", "d3");
  }

  @Test
  void theSameInputGivesTheSameArtifact() {
    TrainedModel first = train(Map.of("steps", "3"), Optional.empty(), TrainingListener.NONE);
    TrainedModel second = train(Map.of("steps", "3"), Optional.empty(), TrainingListener.NONE);

    assertThat(second.artifact().checksum()).isEqualTo(first.artifact().checksum());
  }

  @Test
  void stopsWhenTheListenerCancelsBeforeTheNextStep() {
    List<TrainingProgress> progress = new ArrayList<>();

    assertThatThrownBy(() -> train(Map.of("steps", "4"), Optional.empty(), listener(progress, 1)))
        .isInstanceOf(TrainingCancelledException.class)
        .hasMessageContaining("step 2");
    assertThat(progress).hasSize(1);
  }

  @Test
  void fineTuningContinuesFromTheBaseCounts() {
    TrainedModel base = train(Map.of("steps", "2"), Optional.empty(), TrainingListener.NONE);
    ExampleSource dullIsGoodNow =
        source(example("n1", "dull story", Label.POSITIVE), example("n2", "dull story", Label.POSITIVE));

    TrainedModel tuned =
        trainer.train(
            TASKS, dullIsGoodNow, source(), new TrainingConfig(1, Map.of("steps", "1")),
            Optional.of(base.artifact()), TrainingListener.NONE);

    // P = 4, N = 6: prior 5/8; dull (2 + 0.625)/5 = 0.525; story (4 + 0.625)/7 = 0.660714
    double p = loader.load(tuned.artifact())
        .probability(CTR, aResource().withTitle("dull story").build());
    assertThat(p).isCloseTo((0.525 + 4.625 / 7) / 2, within(1e-9));
    assertThat(trainer.lastCall().fineTuneChecksum()).contains(base.artifact().checksum());
  }

  @Test
  void refusesToFineTuneAModelOfOtherTasks() {
    TrainedModel base = train(Map.of(), Optional.empty(), TrainingListener.NONE);

    assertThatThrownBy(
            () ->
                trainer.train(
                    tasksNamed("ctr", "dwell"), source(), source(), TrainingConfig.seeded(1),
                    Optional.of(base.artifact()), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fine-tune");
  }

  @Test
  void rejectsUnknownOrBadHyperparameters() {
    assertThatThrownBy(() -> train(Map.of("learningRate", "0.1"), Optional.empty(), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRate");
    assertThatThrownBy(() -> train(Map.of("steps", "zero"), Optional.empty(), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps");
  }

  @Test
  void anInvertedModelPredictsTheOpposite() {
    TrainedModel inverted =
        train(Map.of("steps", "2", "fake.invert", "true"), Optional.empty(), TrainingListener.NONE);

    FakeQualityModel model = loader.load(inverted.artifact());
    assertThat(model.isInverted()).isTrue();
    assertThat(model.probability(CTR, aResource().withTitle("great story").build()))
        .isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void hooksRunOnceAtTheirStep() {
    List<String> log = new ArrayList<>();
    trainer.onStep(2, () -> log.add("before step 2"));
    trainer.failAtStep(3, new IllegalStateException("disk full"));

    assertThatThrownBy(() -> train(Map.of("steps", "4"), Optional.empty(), TrainingListener.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("disk full");
    train(Map.of("steps", "4"), Optional.empty(), TrainingListener.NONE);

    assertThat(log).containsExactly("before step 2");
  }

  @Test
  void aClosedModelRefusesToPredictAndBadBytesDoNotLoad() {
    FakeQualityModel model = loader.load(train(Map.of(), Optional.empty(), TrainingListener.NONE).artifact());
    model.close();

    assertThatThrownBy(() -> model.predict(List.of(aResource().build())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> loader.load(ModelArtifact.of("junk".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(loader.loads()).isEqualTo(1);
  }

  private TrainedModel train(
      Map<String, String> hyperparameters, Optional<ModelArtifact> base, TrainingListener listener) {
    return trainer.train(
        TASKS,
        source(
            example("g1", "great story", Label.POSITIVE),
            example("g2", "great story", Label.POSITIVE),
            example("d1", "dull story", Label.NEGATIVE),
            example("d2", "dull story", Label.NEGATIVE)),
        source(example("g3", "great story", Label.POSITIVE), example("d3", "dull story", Label.NEGATIVE)),
        new TrainingConfig(7, hyperparameters),
        base,
        listener);
  }

  /** Records progress; cancels once {@code cancelAfter} reports have arrived. */
  private static TrainingListener listener(List<TrainingProgress> progress, int cancelAfter) {
    return new TrainingListener() {
      @Override
      public void onProgress(TrainingProgress report) {
        progress.add(report);
      }

      @Override
      public boolean isCancelled() {
        return progress.size() >= cancelAfter;
      }
    };
  }

  private static TrainingExample example(String id, String title, Label ctr) {
    return new TrainingExample(aResource().withId(id).withTitle(title).build(), Map.of(CTR, ctr));
  }

  private static ExampleSource source(TrainingExample... examples) {
    List<TrainingExample> list = List.of(examples);
    return list::forEach;
  }
}
