package io.mmq.core.label.policy;

import io.mmq.core.common.Checks;

/**
 * The K-level option of R5: instead of a positive/negative label, a quality level {@code 0}
 * (worst) to {@code K-1} (best) from statistical intervals around the reference.
 *
 * <p><b>Rule.</b> A value's standardized distance from the reference is {@code z = (degree -
 * referenceDegree) / s}, where {@code s} is the population standard deviation of the window's
 * interaction degrees ({@link TaskLabeler#degreeSpread()}; {@code z = 0} when {@code s = 0}). The
 * {@code K-1} cut points lie symmetrically around the reference, {@code width} standard deviations
 * apart:
 *
 * <pre>
 *   cut_j = (j - (K - 2) / 2) * width      for j = 0 .. K-2
 *   level = #{ j : z &gt;= cut_j }          (a value on a cut point goes to the upper level)
 * </pre>
 *
 * For K = 3, width 1: level 0 for {@code z < -0.5}, level 1 for {@code -0.5 <= z < 0.5} (around
 * the reference), level 2 for {@code z >= 0.5}. For K = 5, width 1: cuts at -1.5, -0.5, 0.5, 1.5.
 * For K = 2 the single cut is the reference itself, so a tie goes to level 1 (unlike the binary
 * label, which leaves a tie unlabelled). Mid-rank degrees of distinct values have {@code s} close
 * to 28.9 (100 / sqrt 12), so {@code |z|} stays under 1.8 when the reference sits mid-window: pick
 * a smaller width for a large K.
 *
 * <pre>{@code
 * QualityLevels five = QualityLevels.of(5, 0.5);
 * int level = labeler.levelOf(value, five); // 0..4
 * }</pre>
 */
public record QualityLevels(int count, double width) {
  /** Three levels (below, around, above the reference), one standard deviation wide. */
  public static final QualityLevels THREE = new QualityLevels(3, 1.0);

  public static final int MAX_LEVELS = 100;

  public QualityLevels {
    if (count < 2 || count > MAX_LEVELS) {
      throw new IllegalArgumentException(
          "level count must be in [2, " + MAX_LEVELS + "], was " + count);
    }
    Checks.requireFinite(width, "level width");
    if (width <= 0) {
      throw new IllegalArgumentException("level width must be positive, was " + width);
    }
  }

  /** K levels, cut points one standard deviation apart. */
  public static QualityLevels of(int count) {
    return new QualityLevels(count, 1.0);
  }

  public static QualityLevels of(int count, double width) {
    return new QualityLevels(count, width);
  }

  /** The cut point {@code j} (0 .. K-2), in standard deviations from the reference. */
  public double cut(int j) {
    if (j < 0 || j > count - 2) {
      throw new IndexOutOfBoundsException("cut " + j + " out of [0, " + (count - 2) + "]");
    }
    return (j - (count - 2) / 2.0) * width;
  }

  /** The level (0 .. K-1) of a standardized distance {@code z} from the reference. */
  public int level(double z) {
    Checks.requireFinite(z, "z");
    int level = 0;
    for (int j = 0; j < count - 1; j++) {
      if (z >= cut(j)) {
        level++;
      }
    }
    return level;
  }
}
