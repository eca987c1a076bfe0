package io.mmq.core.classification.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.label.model.Label;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainingObserver;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Worked example: tasks ctr and dwell; one day with 2 "great story" (POSITIVE on both tasks) and 2
 * "dull story" (NEGATIVE), trained in 2 steps on all four (no validation). Per task: prior (2+1)/(4+2)
 * = 0.5; great (2 + 0.5)/(2 + 1) = 0.8333; story (2 + 0.5)/(4 + 1) = 0.5; dull 0.5/3 = 0.1667. So
 * "great story" 0.6667 (HIGH under MAJORITY: both tasks positive), "dull story" 0.3333 (LOW),
 * "great news" 0.8333 (only "great" known).
 */
class ClassificationServiceTest {
  private static final TaskName CTR = TaskName.of("ctr");
  private static final TaskName DWELL = TaskName.of("dwell");

  private final InMemoryCore core = InMemoryCore.create();
  private final QualityDay day = QualityDay.on("2016-06-24").good("great story", 2).bad("dull story", 2);

  @BeforeEach
  void labelADay() {
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));
    core.ingestAndLabel(day.resources(), day.engagement(), day.window());
  }

  @Test
  void withoutAnActiveModelSaysToTrainOrPromoteOne() {
    assertThatThrownBy(() -> core.classification.classify(ClassifyResourcesCommand.of(ResourceRef.byId("2016-06-24-00"))))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("train")
        .hasMessageContaining("promote");
  }

  @Test
  void classifiesResourcesGivenByIdOrWholeInRequestOrder() {
    ModelVersion version = train(2);

    ClassifyResourcesResult result =
        core.classification.classify(
            ClassifyResourcesCommand.of(
                ResourceRef.byId("2016-06-24-00"),
                ResourceRef.given(aResource().withId("new-1").withTitle("Dull story").build()),
                ResourceRef.given(aResource().withId("new-2").withTitle("great news").build())));

    assertThat(result.modelVersion()).isEqualTo(version);
    assertThat(result.results()).extracting(Classification::resourceId).extracting(Object::toString)
        .containsExactly("2016-06-24-00", "new-1", "new-2");
    assertThat(result.results()).extracting(Classification::quality)
        .containsExactly(QualityClass.HIGH, QualityClass.LOW, QualityClass.HIGH);
    assertThat(result.results()).allSatisfy(c -> assertThat(c.modelVersion()).isEqualTo(version));
    Classification great = result.results().get(0);
    assertThat(great.tasks().keySet()).containsExactly(CTR, DWELL);
    assertThat(great.tasks().get(CTR).probability()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(great.tasks().get(DWELL).label()).isEqualTo(Label.POSITIVE);
    TaskPrediction dull = result.results().get(1).tasks().get(CTR);
    assertThat(dull.probability()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(dull.label()).isEqualTo(Label.NEGATIVE);
    assertThat(result.results().get(2).tasks().get(CTR).probability()).isCloseTo(2.5 / 3, within(1e-9));
  }

  @Test
  void weightedAggregationTakesTheWeightsOfTheServedModelsTasks() {
    train(2);
    // configured while the task set had none of the model's tasks: unbound, every weight would be 0
    QualityAggregationPolicy configured =
        QualityAggregationPolicy.parse("WEIGHTED:0.5", TaskSet.of(Task.higherIsBetter("other", "other")));
    try (ClassificationService weighted = new ClassificationService(core.ports.resources, core.activeModel, configured)) {
      ClassifyResourcesResult result =
          weighted.classify(ClassifyResourcesCommand.of(ResourceRef.byId("2016-06-24-00"), ResourceRef.byId("2016-06-24-02")));

      assertThat(result.results()).extracting(Classification::quality)
          .containsExactly(QualityClass.HIGH, QualityClass.LOW);
    }
  }

  @Test
  void unknownIdsAreNotFoundAndNamed() {
    train(2);

    assertThatThrownBy(
            () ->
                core.classification.classify(
                    ClassifyResourcesCommand.of(
                        ResourceRef.byId("zz-1"), ResourceRef.byId("2016-06-24-00"), ResourceRef.byId("zz-2"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'zz-1'")
        .hasMessageContaining("'zz-2'")
        .hasMessageNotContaining("2016-06-24-00");
  }

  @Test
  void loadsTheModelOnceAndReloadsWhenTheActiveVersionChanges() {
    ModelVersion first = train(2);
    classifyOne();
    classifyOne();
    assertThat(core.ports.loader.loads()).isEqualTo(1);

    ModelVersion second = train(3);
    assertThat(classifyOne().modelVersion()).isEqualTo(first);

    core.models.promote(new PromoteModelCommand(second));
    assertThat(classifyOne().modelVersion()).isEqualTo(second);
    assertThat(core.ports.loader.loads()).isEqualTo(2);
    assertThat(core.ports.loader.loaded().get(0).isClosed()).isTrue();
    assertThat(core.ports.loader.loaded().get(1).isClosed()).isFalse();
  }

  private ClassifyResourcesResult classifyOne() {
    return core.classification.classify(ClassifyResourcesCommand.of(ResourceRef.byId("2016-06-24-01")));
  }

  private ModelVersion train(int steps) {
    return core.training
        .train(
            TrainModelCommand.of(day.window(), 3)
                .withValidationFraction(0)
                .withHyperparameters(Map.of("steps", Integer.toString(steps))),
            TrainingObserver.NONE)
        .model()
        .orElseThrow()
        .version();
  }
}
