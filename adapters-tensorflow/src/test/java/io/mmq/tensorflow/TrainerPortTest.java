package io.mmq.tensorflow;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.label.model.Label;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.Task;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ModelTrainer and QualityModelLoader ports over real resources and the core's extractor. */
class TrainerPortTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");
  private static final TaskSet TASKS = TaskSet.of(Task.higherIsBetter("ctr", "ctr"), Task.higherIsBetter("dwell", "dwell"));
  private static final TfModelTrainer TRAINER = new TfModelTrainer(TestModels.CLOCK);
  private static final List<TrainingExample> TRAINING = examples(160, 51);
  private static final List<TrainingExample> VALIDATION = examples(48, 52);
  private static final List<TrainingProgress> PROGRESS = new ArrayList<>();
  private static TrainedModel trained;

  @BeforeAll
  static void train() {
    trained = TRAINER.train(TASKS, source(TRAINING), source(VALIDATION), config(TestModels.brief(30)), Optional.empty(),
        new TrainingListener() {
          @Override
          public void onProgress(TrainingProgress progress) {
            PROGRESS.add(progress);
          }
        });
  }

  @Test
  void reportsProgressAndMetricsAndUsedHyperparameters() {
    assertThat(PROGRESS).extracting(TrainingProgress::step).containsExactly(10, 20, 30);
    assertThat(PROGRESS).allSatisfy(p -> {
      assertThat(p.totalSteps()).isEqualTo(30);
      assertThat(p.taskLoss()).containsKeys(CTR, DWELL);
      assertThat(p.validationAuc()).containsKey(CTR);
    });
    long batchSize = Long.parseLong(trained.hyperparameters().get("batchSize"));
    assertThat(PROGRESS).extracting(TrainingProgress::examples).containsExactly(10 * batchSize, 20 * batchSize, 30 * batchSize);
    assertThat(trained.steps()).isEqualTo(30);
    assertThat(trained.stopReason()).isEqualTo(StopReason.STEP_CAP);
    assertThat(trained.hyperparameters()).containsEntry("steps", "30").containsEntry("gate", "MMOE").containsEntry("experts", "3");
    assertThat(trained.metrics()).containsKeys("ctr.auc", "ctr.accuracy", "ctr.logLoss", "ctr.calibrationError", "dwell.labelled");
    assertThat(trained.metrics().get("evaluated")).isEqualTo(48.0);
    double gates = trained.metrics().get("gate.ctr.expert0") + trained.metrics().get("gate.ctr.expert1")
        + trained.metrics().get("gate.ctr.expert2");
    assertThat(gates).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void theLoadedModelPredictsResourcesInOrder() {
    List<Resource> resources = VALIDATION.subList(0, 5).stream().map(TrainingExample::resource).toList();
    try (QualityModel model = new TfQualityModelLoader().load(trained.artifact())) {
      assertThat(model.tasks()).isEqualTo(TASKS);
      List<Prediction> predictions = model.predict(resources);
      assertThat(predictions).extracting(Prediction::resourceId).containsExactlyElementsOf(resources.stream().map(Resource::id).toList());
      assertThat(predictions).allSatisfy(p -> assertThat(p.tasks()).containsOnlyKeys(CTR, DWELL));
      assertThat(model.predict(List.of())).isEmpty();
    }
  }

  @Test
  void expertUtilisationIsTheMeanGateWeightPerTaskOfTheTrainedMmoe() {
    List<Resource> resources = VALIDATION.stream().map(TrainingExample::resource).toList();
    try (QualityModel model = new TfQualityModelLoader().load(trained.artifact())) {
      ExpertUtilisation utilisation = model.expertUtilisation(resources).orElseThrow();

      assertThat(utilisation.experts()).isEqualTo(3);
      assertThat(utilisation.weights().keySet()).containsExactly(CTR, DWELL);
      utilisation.weights().forEach((task, weights) -> {
        assertThat(weights.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-5));
        for (int e = 0; e < 3; e++) { // the trainer measured the same gates on the same resources
          assertThat(weights.get(e)).isCloseTo(trained.metrics().get("gate." + task + ".expert" + e), within(1e-5));
        }
      });
      double difference = 0;
      for (int e = 0; e < 3; e++) {
        difference += Math.abs(utilisation.weights().get(CTR).get(e) - utilisation.weights().get(DWELL).get(e));
      }
      assertThat(difference).as("each task has its own gate").isGreaterThan(0.01);
      assertThat(model.expertUtilisation(List.of())).isEmpty();
    }
  }

  /**
   * A resource with nothing but an id (empty title, no tags, body, images or layout, unknown
   * publisher, no attributes) gets finite probabilities from a network with every channel on, the
   * wide part included, loaded from its artifact: alone and between ordinary resources, whose
   * predictions it leaves as they are.
   */
  @Test
  void aResourceWithNothingInItGetsFiniteProbabilitiesFromEveryChannel() {
    TrainedModel full = TRAINER.train(TASKS, source(TRAINING), source(VALIDATION),
        config(TestModels.with(TestModels.brief(10), "channel.wide", "true", "wideBuckets", "4096")), Optional.empty(),
        TrainingListener.NONE);
    assertThat(full.hyperparameters().entrySet().stream().filter(e -> e.getKey().startsWith("channel.")).map(Map.Entry::getValue))
        .hasSize(9)
        .containsOnly("true");
    Resource empty = Resource.titled(ResourceId.of("empty-1"), "");
    Resource alsoEmpty = Resource.titled(ResourceId.of("empty-2"), "");
    List<Resource> ordinary = VALIDATION.subList(0, 2).stream().map(TrainingExample::resource).toList();
    try (QualityModel model = new TfQualityModelLoader().load(full.artifact())) {
      Prediction alone = model.predict(List.of(empty)).get(0);
      List<Prediction> mixed = model.predict(List.of(empty, ordinary.get(0), alsoEmpty, ordinary.get(1)));
      List<Prediction> withoutEmpty = model.predict(ordinary);

      assertThat(mixed).extracting(Prediction::resourceId)
          .containsExactly(empty.id(), ordinary.get(0).id(), alsoEmpty.id(), ordinary.get(1).id());
      assertThat(Stream.concat(Stream.of(alone), mixed.stream())).allSatisfy(p ->
          assertThat(p.tasks().values()).hasSize(2)
              .allSatisfy(t -> assertThat(t.probability()).isFinite().isBetween(0.0, 1.0)));
      for (TaskName task : List.of(CTR, DWELL)) {
        assertThat(probability(mixed.get(0), task)).isCloseTo(probability(alone, task), within(1e-6));
        assertThat(probability(mixed.get(2), task)).isCloseTo(probability(alone, task), within(1e-6));
        assertThat(probability(mixed.get(1), task)).isCloseTo(probability(withoutEmpty.get(0), task), within(1e-6));
        assertThat(probability(mixed.get(3), task)).isCloseTo(probability(withoutEmpty.get(1), task), within(1e-6));
      }
    }
  }

  @Test
  void aTrainingWhoseLossesAreAllUnderTheThresholdStopsConvergedAtTheFirstReport() {
    TrainedModel converged = TRAINER.train(TASKS, source(TRAINING), source(VALIDATION),
        config(TestModels.with(TestModels.brief(30), "lossThreshold", "50")), Optional.empty(), TrainingListener.NONE);

    assertThat(converged.steps()).isEqualTo(10);
    assertThat(converged.stopReason()).isEqualTo(StopReason.CONVERGED);
  }

  @Test
  void cancellingStopsTheTraining() {
    int[] polls = {0};
    TrainingListener cancelAfterFiveSteps = new TrainingListener() {
      @Override
      public boolean isCancelled() {
        return ++polls[0] > 5;
      }
    };
    assertThatThrownBy(() -> TRAINER.train(TASKS, source(TRAINING), source(VALIDATION), config(TestModels.brief(30)),
            Optional.empty(), cancelAfterFiveSteps))
        .isInstanceOf(TrainingCancelledException.class)
        .hasMessage("training cancelled at step 5");
  }

  @Test
  void fineTuningStartsFromTheModelAndRecordsIt() {
    TrainedModel tuned = TRAINER.train(TASKS, source(TRAINING), source(VALIDATION), config(Map.of("steps", "10", "evalEvery", "10")),
        Optional.of(trained.artifact()), TrainingListener.NONE);
    ArtifactContents contents = ArtifactFormat.read(tuned.artifact().bytes());
    assertThat(contents.provenance()).containsEntry("fineTunedFrom", trained.artifact().checksum());
    assertThat(tuned.hyperparameters()).containsEntry("embeddingDim", "16").containsEntry("steps", "10");
    assertThat(contents.spec()).isEqualTo(ArtifactFormat.read(trained.artifact().bytes()).spec());
  }

  @Test
  void fineTuningCannotChangeTheNetworkOrTheTasks() {
    Optional<ModelArtifact> base = Optional.of(trained.artifact());
    assertThatThrownBy(() -> TRAINER.train(TASKS, source(TRAINING), source(VALIDATION), config(Map.of("embeddingDim", "8")),
            base, TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fine-tuning cannot change the network: embeddingDim (16 -> 8)");
    TaskSet other = TaskSet.of(Task.higherIsBetter("ctr", "ctr"));
    assertThatThrownBy(() -> TRAINER.train(other, source(TRAINING), source(VALIDATION), config(Map.of()), base, TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fine-tuning needs the same tasks as the model: it has [ctr, dwell], asked for [ctr]");
  }

  @Test
  void badHyperparametersAndAnEmptyTrainingSetAreRejected() {
    assertThatThrownBy(() -> TRAINER.train(TASKS, source(TRAINING), source(VALIDATION), config(Map.of("stpes", "10")),
            Optional.empty(), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown hyperparameter 'stpes' (known: ");
    assertThatThrownBy(() -> TRAINER.train(TASKS, source(List.of()), source(VALIDATION), config(Map.of()),
            Optional.empty(), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the training set is empty");
  }

  @Test
  void aSharedGateIsTheSameForEveryTaskAndHardSharingHasOneBottom() {
    TrainedModel shared = TRAINER.train(TASKS, source(TRAINING), source(VALIDATION),
        config(TestModels.with(TestModels.brief(10), "gate", "SHARED")), Optional.empty(), TrainingListener.NONE);
    for (int e = 0; e < 3; e++) {
      assertThat(shared.metrics().get("gate.dwell.expert" + e)).isEqualTo(shared.metrics().get("gate.ctr.expert" + e));
    }
    TrainedModel hard = TRAINER.train(TASKS, source(TRAINING), source(VALIDATION),
        config(TestModels.with(TestModels.brief(10), "gate", "HARD")), Optional.empty(), TrainingListener.NONE);
    assertThat(hard.metrics()).containsEntry("gate.ctr.expert0", 1.0).doesNotContainKey("gate.ctr.expert1");
    List<Resource> resources = VALIDATION.stream().map(TrainingExample::resource).toList();
    try (QualityModel sharedModel = new TfQualityModelLoader().load(shared.artifact());
        QualityModel hardModel = new TfQualityModelLoader().load(hard.artifact())) {
      ExpertUtilisation utilisation = sharedModel.expertUtilisation(resources).orElseThrow();
      assertThat(utilisation.weights().get(DWELL)).isEqualTo(utilisation.weights().get(CTR));
      assertThat(hardModel.expertUtilisation(resources)).isEmpty();
    }
  }

  private static double probability(Prediction prediction, TaskName task) {
    return prediction.tasks().get(task).probability();
  }

  private static TrainingConfig config(Map<String, String> hyperparameters) {
    return new TrainingConfig(5, hyperparameters);
  }

  private static ExampleSource source(List<TrainingExample> examples) {
    return examples::forEach;
  }

  /** Articles whose title holds "excellent" (ctr positive) or "dull"; dwell labelled for a third. */
  private static List<TrainingExample> examples(int n, long seed) {
    Random r = new Random(seed);
    List<TrainingExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean good = r.nextBoolean();
      var builder = aResource()
          .withId("r-" + seed + "-" + i)
          .withTitle((good ? "excellent " : "dull ") + "story number " + r.nextInt(50))
          .withTags("topic" + r.nextInt(5))
          .withParagraphs("First paragraph about item " + r.nextInt(30) + ". It has two sentences.",
              "Second paragraph, with a question " + r.nextInt(30) + "?")
          .withPublisher("p-" + r.nextInt(4), 1 + r.nextInt(3), r.nextInt(10_000))
          .withNumeric("quality_hint", r.nextGaussian());
      if (r.nextBoolean()) {
        builder.withImageEmbedding((float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian());
      }
      Map<TaskName, Label> labels = new HashMap<>();
      labels.put(CTR, Label.of(good));
      if (r.nextInt(3) == 0) {
        labels.put(DWELL, Label.of(r.nextBoolean()));
      }
      out.add(new TrainingExample(builder.build(), labels));
    }
    return out;
  }
}
