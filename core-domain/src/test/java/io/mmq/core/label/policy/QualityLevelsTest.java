package io.mmq.core.label.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.Task;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QualityLevelsTest {
  private static final Task CTR = Task.higherIsBetter("ctr", "ctr");
  private static final Task BOUNCE = Task.lowerIsBetter("bounce", "bounce_rate");

  private static int[] levels(TaskLabeler labeler, QualityLevels levels, double... values) {
    return Arrays.stream(values).mapToInt(value -> labeler.levelOf(value, levels)).toArray();
  }

  @Test
  void cutPointsLieSymmetricallyAroundTheReference() {
    assertThat(QualityLevels.of(2).cut(0)).isEqualTo(0.0);
    assertThat(QualityLevels.of(3).cut(0)).isEqualTo(-0.5);
    assertThat(QualityLevels.of(3).cut(1)).isEqualTo(0.5);
    assertThat(new double[] {
          QualityLevels.of(5).cut(0),
          QualityLevels.of(5).cut(1),
          QualityLevels.of(5).cut(2),
          QualityLevels.of(5).cut(3)
        })
        .containsExactly(-1.5, -0.5, 0.5, 1.5);
    assertThat(QualityLevels.of(4, 2).cut(0)).isEqualTo(-2.0);
  }

  @Test
  void valueOnACutPointGoesToTheUpperLevel() {
    QualityLevels three = QualityLevels.THREE;

    assertThat(three.level(-0.51)).isZero();
    assertThat(three.level(-0.5)).isEqualTo(1);
    assertThat(three.level(0.49)).isEqualTo(1);
    assertThat(three.level(0.5)).isEqualTo(2);
    assertThat(QualityLevels.of(2).level(0)).isEqualTo(1);
  }

  @Test
  void threeLevelsOnFiveEvenlySpreadValues() {
    // 1..5, mean 3: degrees 10, 30, 50, 70, 90, reference degree 50,
    // spread = sqrt((40^2 + 20^2 + 0 + 20^2 + 40^2) / 5) = sqrt(800) = 28.284;
    // z = -1.414, -0.707, 0, 0.707, 1.414 -> cuts -0.5, 0.5 -> 0, 0, 1, 2, 2
    TaskLabeler labeler = LabelDerivationPolicy.STANDARD.fit(CTR, new double[] {1, 2, 3, 4, 5});

    assertThat(labeler.degreeSpread()).isCloseTo(Math.sqrt(800), within(1e-12));
    assertThat(levels(labeler, QualityLevels.of(3), 1, 2, 3, 4, 5)).containsExactly(0, 0, 1, 2, 2);
  }

  @Test
  void fiveLevelsDependOnTheWidth() {
    TaskLabeler labeler = LabelDerivationPolicy.STANDARD.fit(CTR, new double[] {1, 2, 3, 4, 5});

    // width 1: cuts -1.5, -0.5, 0.5, 1.5 -> the outer levels stay empty
    assertThat(levels(labeler, QualityLevels.of(5), 1, 2, 3, 4, 5)).containsExactly(1, 1, 2, 3, 3);
    // width 0.5: cuts -0.75, -0.25, 0.25, 0.75 -> one value a level
    assertThat(levels(labeler, QualityLevels.of(5, 0.5), 1, 2, 3, 4, 5))
        .containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void levelsCentreOnTheReferenceNotOnTheMiddleOfTheWindow() {
    // 1, 2, 3, 4, 100: mean 22 has degree 80; z(4) = (70 - 80) / 28.28 = -0.35,
    // z(100) = +0.35 -> both around the reference; z(3) = -1.06 -> below
    TaskLabeler labeler =
        LabelDerivationPolicy.STANDARD.fit(CTR, new double[] {1, 2, 3, 4, 100});

    assertThat(levels(labeler, QualityLevels.THREE, 1, 2, 3, 4, 100))
        .containsExactly(0, 0, 0, 1, 1);
  }

  @Test
  void lowerIsBetterLevelsAreInverted() {
    TaskLabeler labeler = LabelDerivationPolicy.STANDARD.fit(BOUNCE, new double[] {1, 2, 3, 4, 5});

    assertThat(levels(labeler, QualityLevels.THREE, 1, 2, 3, 4, 5)).containsExactly(2, 2, 1, 0, 0);
  }

  @Test
  void windowOfEqualValuesPutsEveryValueAtTheReferenceLevel() {
    TaskLabeler labeler = LabelDerivationPolicy.STANDARD.fit(CTR, new double[] {7, 7, 7});

    assertThat(labeler.degreeSpread()).isZero();
    assertThat(labeler.levelOf(7, QualityLevels.THREE)).isEqualTo(1);
    assertThat(labeler.levelOf(7, QualityLevels.of(4))).isEqualTo(2);
  }

  @Test
  void recordLevelIsEmptyWhenTheRecordIsNotEligible() {
    TaskLabeler labeler = LabelDerivationPolicy.STANDARD.fit(CTR, new double[] {1, 2, 3, 4, 5});
    TimeWindow day =
        TimeWindow.of(Instant.parse("2016-06-24T00:00:00Z"), Instant.parse("2016-06-25T00:00:00Z"));
    EngagementRecord exposed =
        new EngagementRecord(ResourceId.of("a"), day, OptionalLong.of(500), Map.of("ctr", 5.0));
    EngagementRecord underExposed =
        new EngagementRecord(ResourceId.of("b"), day, OptionalLong.of(5), Map.of("ctr", 5.0));

    assertThat(labeler.level(exposed, QualityLevels.THREE)).hasValue(2);
    assertThat(labeler.level(underExposed, QualityLevels.THREE)).isEmpty();
  }

  @Test
  void rejectsBadParameters() {
    assertThatThrownBy(() -> QualityLevels.of(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level count must be in [2, 100], was 1");
    assertThatThrownBy(() -> QualityLevels.of(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level width must be positive, was 0.0");
    assertThatThrownBy(() -> QualityLevels.of(3, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualityLevels.THREE.cut(2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
