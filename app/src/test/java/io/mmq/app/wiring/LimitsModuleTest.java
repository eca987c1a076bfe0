package io.mmq.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.app.config.MmqConfig;
import io.mmq.grpc.mapping.RequestLimits;
import org.junit.jupiter.api.Test;

/** The {@code limits.*} and {@code retrain.*} settings: defaults, overrides and bad values. */
class LimitsModuleTest {

  @Test
  void theDefaultLimitsAreTheCoresAndTheRetrainLoopRunsHourly() {
    MmqConfig config = MmqConfig.defaultsOnly();

    assertThat(LimitsModule.limits(config)).isEqualTo(RequestLimits.DEFAULT);
    assertThat(RequestLimits.DEFAULT)
        .isEqualTo(new RequestLimits(1_000, 100_000, 8 * 1024 * 1024, 40_000_000L, 20_000, 10_000));
    assertThat(config.getBoolean("retrain.enabled")).isTrue();
    assertThat(config.getInt("retrain.check-interval-minutes")).isEqualTo(60);
  }

  @Test
  void aLimitCanBeLowered() {
    RequestLimits limits =
        LimitsModule.limits(
            MmqConfig.defaultsOnly()
                .with("limits.max-title-chars", "80")
                .with("limits.max-image-pixels", "12000000")
                .with("limits.max-resources-per-request", "500"));

    assertThat(limits.maxTitleChars()).isEqualTo(80);
    assertThat(limits.maxImagePixels()).isEqualTo(12_000_000L);
    assertThat(limits.maxResourcesPerRequest()).isEqualTo(500);
    assertThat(limits.maxBlockTextChars()).isEqualTo(RequestLimits.DEFAULT.maxBlockTextChars());
  }

  @Test
  void aLimitAboveWhatTheCoreAcceptsOrNotANumberIsRejectedByName() {
    assertThatThrownBy(
            () -> LimitsModule.limits(MmqConfig.defaultsOnly().with("limits.max-title-chars", "5000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTitleChars must be in [1, 1000], was 5000");
    assertThatThrownBy(
            () -> LimitsModule.limits(MmqConfig.defaultsOnly().with("limits.max-image-side", "0")))
        .hasMessageContaining("maxImageSide must be in [1, 20000], was 0");
    assertThatThrownBy(
            () -> LimitsModule.limits(MmqConfig.defaultsOnly().with("limits.max-image-pixels", "lots")))
        .hasMessageContaining("limits.max-image-pixels must be a whole number");
  }
}
