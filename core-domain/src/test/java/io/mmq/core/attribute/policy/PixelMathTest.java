package io.mmq.core.attribute.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PixelMathTest {

  /**
   * Worked example. Grey 4x4 image, all 10 but a 50 at (x=1, y=1). Laplacian (up + down + left +
   * right - 4·centre) at the four interior pixels: (1,1): 40 - 200 = -160; (2,1): 50+10+10+10 - 40 =
   * 40; (1,2): 40; (2,2): 0. Mean -80/4 = -20; deviations -140, 60, 60, 20; squares 19600, 3600,
   * 3600, 400; variance 27200/4 = 6800.
   */
  @Test
  void laplacianVarianceOfATinyImageMatchesTheHandComputation() {
    double[] grey = {
      10, 10, 10, 10,
      10, 50, 10, 10,
      10, 10, 10, 10,
      10, 10, 10, 10
    };
    assertThat(PixelMath.laplacianVariance(grey, 4, 4)).isEqualTo(6800.0);
  }

  @Test
  void laplacianVarianceIsZeroForAFlatImageAndForImagesWithoutInterior() {
    assertThat(PixelMath.laplacianVariance(new double[] {7, 7, 7, 7, 7, 7, 7, 7, 7}, 3, 3))
        .isZero();
    assertThat(PixelMath.laplacianVariance(new double[] {0, 255, 0, 255}, 2, 2)).isZero();
  }

  /** Red and green pixels: rg = ±255 (σ 255, μ 0), yb = 127.5 both (σ 0): 255 + 0.3·127.5. */
  @Test
  void colourfulnessOfRedAndGreenPixels() {
    RgbPlanes planes =
        new RgbPlanes(2, 1, new double[] {255, 0}, new double[] {0, 255}, new double[] {0, 0});
    assertThat(PixelMath.colourfulness(planes)).isEqualTo(293.25);
  }

  /** Pure red: rg = 255, yb = 127.5 everywhere: 0 + 0.3·sqrt(255² + 127.5²) = 85.5296. */
  @Test
  void colourfulnessOfPureRedIsTheMeanTermOnly() {
    RgbPlanes planes =
        new RgbPlanes(1, 2, new double[] {255, 255}, new double[] {0, 0}, new double[] {0, 0});
    assertThat(PixelMath.colourfulness(planes)).isCloseTo(85.5296, within(1e-4));
  }

  @Test
  void colourfulnessOfGreyIsZero() {
    RgbPlanes planes =
        new RgbPlanes(
            2, 1, new double[] {30, 200}, new double[] {30, 200}, new double[] {30, 200});
    assertThat(PixelMath.colourfulness(planes)).isZero();
  }

  @Test
  void greyIsRec601Luma() {
    RgbPlanes planes =
        new RgbPlanes(2, 1, new double[] {255, 100}, new double[] {0, 100}, new double[] {0, 100});
    assertThat(PixelMath.grey(planes)).containsExactly(76.245, 100.0);
  }

  /** Shrinking 4x2 to 2x1 averages 2x2 boxes: (0+10+40+50)/4 = 25, (20+30+60+70)/4 = 45. */
  @Test
  void resampleAveragesBoxesWhenShrinkingAndRepeatsPixelsWhenEnlarging() {
    double[] red = {0, 10, 20, 30, 40, 50, 60, 70};
    RgbPlanes source = new RgbPlanes(4, 2, red, red.clone(), red.clone());

    RgbPlanes small = PixelMath.resample(source, 2, 1);
    assertThat(small.red()).containsExactly(25, 45);

    RgbPlanes large = PixelMath.resample(small, 4, 2);
    assertThat(large.red()).containsExactly(25, 25, 45, 45, 25, 25, 45, 45);
  }

  @Test
  void thumbnailIsThirtyTwoSquaredRgbInUnitRangeChannelLast() {
    RgbPlanes source =
        new RgbPlanes(2, 1, new double[] {255, 0}, new double[] {0, 0}, new double[] {0, 51});
    float[] thumbnail = PixelMath.thumbnail(source);

    assertThat(thumbnail).hasSize(32 * 32 * 3);
    assertThat(thumbnail[0]).isEqualTo(1f); // (0,0) red
    assertThat(thumbnail[2]).isEqualTo(0f);
    int lastInFirstRow = 31 * 3;
    assertThat(thumbnail[lastInFirstRow]).isEqualTo(0f);
    assertThat(thumbnail[lastInFirstRow + 2]).isEqualTo(0.2f); // 51/255
  }
}
