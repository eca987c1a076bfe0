package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.policy.MetricsCalculator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R12: why a training stops (step cap, every labelled task's loss under its threshold, no better
 * validation AUC for {@code patience} evaluations), as the artifact's provenance records it, and
 * that the weights kept are those of the best evaluation. A network of the title channel only (the
 * stopping rules do not depend on the channels), evaluated every 5 steps.
 */
class StopReasonTest {
  private static final Map<String, String> TITLE_ONLY =
      TestModels.with(
          TestModels.small(), "evalEvery", "5", "channel.tags", "false", "channel.body", "false",
          "channel.fusion", "false", "channel.image", "false", "channel.style", "false",
          "channel.atomic", "false", "channel.categorical", "false");
  private static final List<LabelledAttributes> TITLE_TRAINING = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 256, 61);
  private static final List<LabelledAttributes> TITLE_VALIDATION = SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 64, 62);

  /** The run stops at the first evaluation where the mean loss of each task is under 0.6. */
  @Test
  void aRunStopsAsConvergedOnceEveryTaskIsUnderItsThreshold() {
    Run run = train(TITLE_TRAINING, TITLE_VALIDATION, TestModels.with(TITLE_ONLY, "steps", "300", "patience", "0", "lossThreshold", "0.6"));

    assertThat(run.provenance()).containsEntry("stopReason", "CONVERGED");
    assertThat(run.model().steps()).isLessThan(300).isEqualTo(run.last().step());
    assertThat(run.last().taskLoss().values()).hasSize(2).allSatisfy(loss -> assertThat(loss).isLessThan(0.6));
    assertThat(run.progress().subList(0, run.progress().size() - 1))
        .as("the evaluations before the last")
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.taskLoss().values()).anySatisfy(loss -> assertThat(loss).isGreaterThanOrEqualTo(0.6)));
  }

  /** A global threshold every task meets at once, and one for the noise task that it does not meet in 30 steps. */
  @Test
  void aTaskThatDoesNotReachItsOwnThresholdKeepsTheRunGoingToTheStepCap() {
    Run run = train(TITLE_TRAINING, TITLE_VALIDATION,
        TestModels.with(TITLE_ONLY, "steps", "30", "patience", "0", "lossThreshold", "100", "lossThreshold.noise", "0.05"));

    assertThat(run.provenance()).containsEntry("stopReason", "STEP_CAP").containsEntry("steps", "30");
    assertThat(run.progress()).extracting(TrainingProgress::step).containsExactly(5, 10, 15, 20, 25, 30);
    assertThat(run.progress()).allSatisfy(p -> assertThat(p.taskLoss().get(SyntheticCorpus.NOISE)).isGreaterThan(0.05));
  }

  /**
   * Labels that are pure noise: the validation AUC wanders, the run stops {@code patience}
   * evaluations after its best one, and the artifact holds the weights of that best evaluation:
   * its validation AUC, measured again on the loaded model, is the best one reported, not the last.
   */
  @Test
  void aRunWithoutProgressStopsEarlyAndKeepsTheBestEvaluationsWeights() {
    List<LabelledAttributes> validation = SyntheticCorpus.generate(SyntheticCorpus.Signal.NONE, 64, 64);
    Run run = train(SyntheticCorpus.generate(SyntheticCorpus.Signal.NONE, 256, 63), validation,
        TestModels.with(TITLE_ONLY, "steps", "1000", "patience", "2", "lossThreshold", "0"));

    int steps = run.model().steps();
    int bestStep = Integer.parseInt(run.provenance().get("bestStep"));
    TrainingProgress best = run.progress().stream().max(Comparator.comparingDouble(StopReasonTest::meanAuc)).orElseThrow();
    assertThat(run.provenance()).containsEntry("stopReason", "EARLY_STOPPED");
    assertThat(steps).isLessThan(1000).isEqualTo(run.last().step()).isEqualTo(bestStep + 2 * 5);
    assertThat(best.step()).isEqualTo(bestStep);
    assertThat(meanAuc(run.last())).as("the last evaluation's mean AUC").isLessThan(meanAuc(best));

    Map<TaskName, Double> measured = validationAuc(run.model(), validation);
    assertThat(measured.keySet()).isEqualTo(best.validationAuc().keySet());
    measured.forEach((task, auc) -> assertThat(auc).as("%s AUC of the kept weights", task)
        .isCloseTo(best.validationAuc().get(task), within(1e-9)));
  }

  private static Run train(List<LabelledAttributes> training, List<LabelledAttributes> validation, Map<String, String> h) {
    List<TrainingProgress> progress = new ArrayList<>();
    TrainedModel model = TestModels.train(training, validation, 7, h, new TrainingListener() {
      @Override
      public void onProgress(TrainingProgress p) {
        progress.add(p);
      }
    });
    Run run = new Run(model, progress, ArtifactFormat.read(model.artifact().bytes()).provenance());
    System.out.printf("stopped: %s at step %d (best %s); losses %s; mean AUCs %s%n",
        run.provenance().get("stopReason"), model.steps(), run.provenance().get("bestStep"),
        progress.stream().map(p -> String.format("%.3f/%.3f",
            p.taskLoss().get(SyntheticCorpus.SIGNAL), p.taskLoss().get(SyntheticCorpus.NOISE))).toList(),
        progress.stream().map(p -> String.format("%.4f", meanAuc(p))).toList());
    return run;
  }

  private static double meanAuc(TrainingProgress progress) {
    return progress.validationAuc().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** Each task's AUC over its labelled examples, by the model loaded back from its artifact. */
  private static Map<TaskName, Double> validationAuc(TrainedModel trained, List<LabelledAttributes> examples) {
    try (TfQualityModel model = TestModels.load(trained)) {
      float[][] p = model.inference().predict(ChannelSignalTest.attributes(examples)).probabilities();
      List<TaskName> tasks = SyntheticCorpus.TASKS.names();
      Map<TaskName, Double> auc = new LinkedHashMap<>();
      for (int t = 0; t < tasks.size(); t++) {
        MetricsCalculator calculator = new MetricsCalculator();
        for (int i = 0; i < examples.size(); i++) {
          var label = examples.get(i).labels().get(tasks.get(t));
          if (label != null) {
            calculator.add(p[i][t], label);
          }
        }
        auc.put(tasks.get(t), calculator.metrics().auc());
      }
      return auc;
    }
  }

  private record Run(TrainedModel model, List<TrainingProgress> progress, Map<String, String> provenance) {
    TrainingProgress last() {
      return progress.get(progress.size() - 1);
    }
  }
}
