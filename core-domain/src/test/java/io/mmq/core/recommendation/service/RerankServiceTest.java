package io.mmq.core.recommendation.service;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.recommendation.model.RankedItem;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.port.in.RerankCandidate;
import io.mmq.core.recommendation.port.in.RerankCandidatesResult;
import io.mmq.core.recommendation.port.in.RerankCommand;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.builder.QualityDay;
import io.mmq.core.testing.fake.InMemoryCore;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainingObserver;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A model trained on "great story" (good) and "dull story" (bad); the default policy boosts HIGH
 * by 1.2 and demotes LOW by 0.8: great 0.50 -> 0.60, dull 0.90 -> 0.72, "great news" 0.40 -> 0.48.
 */
class RerankServiceTest {
  private final InMemoryCore core = InMemoryCore.create();
  private final QualityDay day = QualityDay.on("2016-06-24").good("great story", 2).bad("dull story", 2);

  private final RerankCommand command =
      RerankCommand.of(
          RerankCandidate.byId("2016-06-24-00", 0.5),
          RerankCandidate.byId("2016-06-24-02", 0.9),
          new RerankCandidate(
              ResourceRef.given(aResource().withId("fresh").withTitle("great news").build()), 0.4));

  @Test
  void boostsHighAndDemotesLowQualityAndSaysWhy() {
    ModelVersion version = trainedModel();

    RerankCandidatesResult result = core.rerank.rerank(command);

    assertThat(result.modelVersion()).isEqualTo(version);
    List<RankedItem> ranked = result.result().ranked();
    assertThat(ranked).extracting(item -> item.id().value())
        .containsExactly("2016-06-24-02", "2016-06-24-00", "fresh");
    assertThat(ranked).extracting(RankedItem::finalScore)
        .satisfiesExactly(
            s -> assertThat(s).isCloseTo(0.72, within(1e-12)),
            s -> assertThat(s).isCloseTo(0.60, within(1e-12)),
            s -> assertThat(s).isCloseTo(0.48, within(1e-12)));
    assertThat(ranked.get(0).quality()).contains(QualityClass.LOW);
    assertThat(ranked.get(0).reason()).contains("low quality");
    assertThat(result.result().filtered()).isEmpty();
  }

  @Test
  void aPolicyInTheCommandCanFilterLowQualityOut() {
    trainedModel();

    RerankCandidatesResult result =
        core.rerank.rerank(command.withPolicy(ReweightingPolicy.DEFAULT.filtering()));

    assertThat(result.result().ranked()).extracting(item -> item.id().value())
        .containsExactly("2016-06-24-00", "fresh");
    assertThat(result.result().filtered()).extracting(item -> item.id().value())
        .containsExactly("2016-06-24-02");
  }

  @Test
  void needsAnActiveModelAndKnownIds() {
    assertThatThrownBy(() -> core.rerank.rerank(command))
        .isInstanceOf(PreconditionFailedException.class);

    trainedModel();
    assertThatThrownBy(() -> core.rerank.rerank(RerankCommand.of(RerankCandidate.byId("gone", 1))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("'gone'");
  }

  @Test
  void repeatedCandidatesAreRejectedBeforeClassifying() {
    assertThatThrownBy(
            () -> new RerankCommand(
                List.of(RerankCandidate.byId("a", 1), RerankCandidate.byId("a", 2)), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("candidates[1]");
  }

  private ModelVersion trainedModel() {
    core.taskSets.set(new SetTaskSetCommand(tasksNamed("ctr", "dwell")));
    core.ingestAndLabel(day.resources(), day.engagement(), day.window());
    return core.training
        .train(TrainModelCommand.of(day.window(), 3).withValidationFraction(0), TrainingObserver.NONE)
        .model()
        .orElseThrow()
        .version();
  }
}
