package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R12: a seeded training is repeatable bit for bit; another seed gives another model. */
class DeterminismTest {
  private final List<LabelledAttributes> training = SyntheticCorpus.generate(SyntheticCorpus.Signal.SENTENCE_ORDER, 256, 21);
  private final List<LabelledAttributes> validation = SyntheticCorpus.generate(SyntheticCorpus.Signal.SENTENCE_ORDER, 64, 22);
  private final List<LabelledAttributes> test = SyntheticCorpus.generate(SyntheticCorpus.Signal.SENTENCE_ORDER, 64, 23);

  @Test
  void sameSeedGivesIdenticalLossesPredictionsAndArtifact() {
    Run first = run(9);
    Run second = run(9);
    Run otherSeed = run(10);

    assertThat(first.progress).hasSize(4);
    assertThat(second.progress).isEqualTo(first.progress);
    assertThat(second.model.artifact().checksum()).isEqualTo(first.model.artifact().checksum());
    assertThat(second.predictions).isDeepEqualTo(first.predictions);

    assertThat(otherSeed.model.artifact().checksum()).isNotEqualTo(first.model.artifact().checksum());
    assertThat(otherSeed.progress).isNotEqualTo(first.progress);
  }

  private Run run(long seed) {
    List<TrainingProgress> progress = new ArrayList<>();
    TrainedModel model =
        TestModels.train(training, validation, seed, TestModels.brief(40), new TrainingListener() {
          @Override
          public void onProgress(TrainingProgress p) {
            progress.add(p);
          }
        });
    try (TfQualityModel loaded = TestModels.load(model)) {
      float[][] predictions = loaded.inference().predict(ChannelSignalTest.attributes(test)).probabilities();
      return new Run(model, progress, predictions);
    }
  }

  private record Run(TrainedModel model, List<TrainingProgress> progress, float[][] predictions) {}
}
