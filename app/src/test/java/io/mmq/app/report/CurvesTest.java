package io.mmq.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.validation.model.ScoredLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurvesTest {
  private static final List<ScoredLabel> PAIRS =
      List.of(
          new ScoredLabel(0.9, true),
          new ScoredLabel(0.8, false),
          new ScoredLabel(0.7, true),
          new ScoredLabel(0.4, true),
          new ScoredLabel(0.4, false),
          new ScoredLabel(0.05, false));

  @Test
  void theRocCurveStepsThroughTheThresholdsTiesTogether() {
    assertThat(Curves.roc(PAIRS))
        .containsExactly(
            new Curves.RocPoint(0, 0),
            new Curves.RocPoint(0, 1 / 3.0),
            new Curves.RocPoint(1 / 3.0, 1 / 3.0),
            new Curves.RocPoint(1 / 3.0, 2 / 3.0),
            new Curves.RocPoint(2 / 3.0, 1),
            new Curves.RocPoint(1, 1));
    assertThat(Curves.roc(List.of(new ScoredLabel(0.3, true)))).isEmpty();
  }

  @Test
  void theAreaUnderTheDrawnCurveIsTheReportedAuc() {
    Random random = new Random(3);
    List<ScoredLabel> pairs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      boolean positive = random.nextBoolean();
      // probabilities on a coarse grid so that many ties occur
      double p = Math.round(Math.min(1, Math.max(0, (positive ? 0.6 : 0.4) + 0.25 * random.nextGaussian())) * 20) / 20.0;
      pairs.add(new ScoredLabel(p, positive));
    }
    List<Curves.RocPoint> roc = Curves.roc(pairs);
    double area = 0;
    for (int i = 1; i < roc.size(); i++) {
      area += (roc.get(i).falsePositiveRate() - roc.get(i - 1).falsePositiveRate())
          * (roc.get(i).truePositiveRate() + roc.get(i - 1).truePositiveRate()) / 2;
    }
    assertThat(area).isCloseTo(Curves.auc(pairs), within(1e-12));
    assertThat(Curves.auc(PAIRS)).isCloseTo(6.5 / 9, within(1e-12)); // 3 + 2 + 1.5 wins of 9 pairs
  }

  @Test
  void calibrationBinsCountMeanAndPositiveShare() {
    List<Curves.CalibrationBin> bins = Curves.calibration(PAIRS);

    assertThat(bins).hasSize(10);
    assertThat(bins.get(0)).isEqualTo(new Curves.CalibrationBin(0, 0.1, 1, 0.05, 0));
    assertThat(bins.get(4).count()).isEqualTo(2);
    assertThat(bins.get(4).meanProbability()).isCloseTo(0.4, within(1e-12));
    assertThat(bins.get(4).positiveRate()).isEqualTo(0.5);
    assertThat(bins.get(9)).isEqualTo(new Curves.CalibrationBin(0.9, 1.0, 1, 0.9, 1));
    assertThat(bins.get(5).count()).isZero();
    assertThat(bins.get(5).positiveRate()).isNaN();
    assertThat(Curves.calibration(List.of(new ScoredLabel(1.0, true))).get(9).count()).isEqualTo(1);
  }

  @Test
  void theConfusionMatrixIsTakenAtOneHalf() {
    List<ScoredLabel> pairs = new ArrayList<>(PAIRS);
    pairs.add(new ScoredLabel(0.5, false)); // 0.5 counts as predicted positive
    assertThat(Curves.confusion(pairs)).isEqualTo(new Curves.Confusion(2, 1, 2, 2));
    assertThat(Curves.confusion(pairs).total()).isEqualTo(7);
  }
}
