package io.mmq.app.baseline;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.app.baseline.HashedFeatures.SparseVector;
import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.policy.AttributeExtractor;
import io.mmq.core.classification.model.Prediction;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainingExample;
import io.mmq.core.validation.model.HeldOutEvaluation;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.service.ModelEvaluator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticBaselineTest {
  private static final TaskName TITLE_TASK = TaskName.of("ctr");
  private static final TaskName SOURCE_TASK = TaskName.of("dwell");
  private static final TaskSet TASKS = tasksNamed("ctr", "dwell");
  private static final List<String> FILLER = List.of("news", "today", "report", "update", "story", "city", "market", "people");

  /**
   * Planted signal: "ctr" is positive when the title holds "remarkable" (else "ordinary"), "dwell"
   * when the source is good.example (else bad.example); every title also carries random filler.
   */
  private static List<TrainingExample> corpus(int n, long seed, String prefix) {
    Random random = new Random(seed);
    List<TrainingExample> examples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean titlePositive = random.nextBoolean();
      boolean sourcePositive = random.nextBoolean();
      String title = FILLER.get(random.nextInt(FILLER.size())) + " " + (titlePositive ? "remarkable" : "ordinary")
          + " " + FILLER.get(random.nextInt(FILLER.size()));
      Resource resource = aResource().withId(prefix + i).withTitle(title).withNoBody()
          .withSource(sourcePositive ? "good.example" : "bad.example").build();
      examples.add(new TrainingExample(resource,
          Map.of(TITLE_TASK, Label.of(titlePositive), SOURCE_TASK, Label.of(sourcePositive))));
    }
    return examples;
  }

  private static ExampleSource source(List<TrainingExample> examples) {
    return examples::forEach;
  }

  @Test
  void learnsEachTasksPlantedSignalAndIsMeasuredByTheCoreEvaluator() {
    LogisticBaseline.Trained trained = LogisticBaseline.train(
        TASKS, source(corpus(300, 1, "t-")), source(corpus(100, 2, "h-")), 12,
        LogisticRegression.Settings.DEFAULT, 42);
    TimeWindow window = new TimeWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));

    HeldOutEvaluation evaluation = ModelEvaluator.heldOut(
        trained.model(), source(corpus(200, 3, "v-")), window, ValidationPolicy.DEFAULT);

    assertThat(trained.examples()).isEqualTo(300);
    assertThat(trained.heldOut()).isEqualTo(100);
    assertThat(evaluation.tasks().get(TITLE_TASK).auc()).isGreaterThan(0.95);
    assertThat(evaluation.tasks().get(SOURCE_TASK).auc()).isGreaterThan(0.95);
    assertThat(evaluation.tasks().get(TITLE_TASK).labelled()).isEqualTo(200);
    assertThat(evaluation.accuracy()).isGreaterThan(0.9);
    assertThat(trained.fits().get(TITLE_TASK).heldOutAuc()).isGreaterThan(0.95);
  }

  @Test
  void aTaskWithoutSignalStaysNearChance() {
    Random random = new Random(5);
    List<TrainingExample> noisy = new ArrayList<>();
    for (TrainingExample e : corpus(400, 4, "n-")) {
      noisy.add(new TrainingExample(e.resource(), Map.of(TITLE_TASK, Label.of(random.nextBoolean()))));
    }
    LogisticBaseline.Trained trained = LogisticBaseline.train(
        tasksNamed("ctr"), source(noisy.subList(0, 300)), source(noisy.subList(300, 400)), 12,
        LogisticRegression.Settings.DEFAULT, 42);

    List<Prediction> predictions = trained.model().predict(corpus(50, 6, "p-").stream().map(TrainingExample::resource).toList());

    assertThat(predictions).hasSize(50);
    assertThat(predictions).allSatisfy(p -> assertThat(p.tasks().get(TITLE_TASK).probability()).isBetween(0.25, 0.75));
  }

  @Test
  void trainingIsDeterministicForASeed() {
    List<TrainingExample> train = corpus(200, 7, "t-");
    List<TrainingExample> heldOut = corpus(60, 8, "h-");
    var a = LogisticBaseline.train(TASKS, source(train), source(heldOut), 10, LogisticRegression.Settings.DEFAULT, 9);
    var b = LogisticBaseline.train(TASKS, source(train), source(heldOut), 10, LogisticRegression.Settings.DEFAULT, 9);

    assertThat(a.fits().get(TITLE_TASK).weights()).isEqualTo(b.fits().get(TITLE_TASK).weights());
    assertThat(a.fits().get(TITLE_TASK).epochs()).isEqualTo(b.fits().get(TITLE_TASK).epochs());
  }

  @Test
  void aTaskWithNoLabelledTrainingExampleIsRejectedByName() {
    List<TrainingExample> onlyCtr = corpus(20, 10, "t-").stream()
        .map(e -> new TrainingExample(e.resource(), Map.of(TITLE_TASK, e.labels().get(TITLE_TASK)))).toList();

    assertThatThrownBy(() -> LogisticBaseline.train(
            TASKS, source(onlyCtr), source(List.of()), 10, LogisticRegression.Settings.DEFAULT, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'dwell'");
  }

  @Test
  void encodingHashesTitleWordsPairsCategoriesAndStandardisedAtomicValues() {
    AttributeExtractor extractor = AttributeExtractor.standard();
    ResourceAttributes short1 = extractor.extract(aResource().withTitle("alpha beta").withNoBody().withSource("s.example").build());
    ResourceAttributes long1 = extractor.extract(aResource().withTitle("alpha beta gamma delta").withNoBody().build());
    HashedFeatures features = HashedFeatures.fit(List.of(short1, long1), 16);

    SparseVector v = features.encode(short1);

    assertThat(features.encode(short1)).isEqualTo(v);
    assertThat(v.index()[0]).isEqualTo(HashedFeatures.BIAS);
    assertThat(v.index()).contains(features.bucket("title:alpha"), features.bucket("title:beta"),
        features.bucket("title2:alpha beta"), features.bucket("cat:source=s.example"));
    // two titles of 2 and 4 tokens: mean 3, standard deviation 1, so the first one's z-score is -1
    assertThat(v.value()[indexOf(v, features.bucket("atomic:text.title_tokens"))]).isEqualTo(-1f);
    assertThat(features.atomicAttributes()).isEqualTo(AttributeExtractor.ATOMIC_KEYS.size());
  }

  private static int indexOf(SparseVector v, int bucket) {
    for (int i = 0; i < v.index().length; i++) {
      if (v.index()[i] == bucket) {
        return i;
      }
    }
    return -1;
  }
}
