package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
  private static final List<String> TASKS = List.of("ctr", "dwell");

  @Test
  void noValuesGiveTheDefaults() {
    ModelConfig config = Hyperparameters.parse(Map.of(), TASKS);
    assertThat(config).isEqualTo(ModelConfig.DEFAULTS);
    assertThat(config.dimensions().embeddingDim()).isEqualTo(16);
    assertThat(config.schedule().batchSize()).isEqualTo(32);
    assertThat(config.schedule().steps()).isEqualTo(300);
    assertThat(config.gate()).isEqualTo(GateMode.MMOE);
    assertThat(config.channels()).isEqualTo(Channels.ALL);
  }

  @Test
  void valuesAreReadAndWrittenBack() {
    Map<String, String> values =
        Map.of("embeddingDim", "24", "channel.image", "FALSE", "gate", "shared", "learningRate", "0.01",
            "lossThreshold.ctr", "0.3", "weightDecay", "0.0001");
    ModelConfig config = Hyperparameters.parse(values, TASKS);
    assertThat(config.dimensions().embeddingDim()).isEqualTo(24);
    assertThat(config.channels().image()).isFalse();
    assertThat(config.channels().images()).isFalse();
    assertThat(config.gate()).isEqualTo(GateMode.SHARED);
    assertThat(config.schedule().learningRate()).isEqualTo(0.01);
    assertThat(config.schedule().lossThreshold("ctr")).isEqualTo(0.3);
    assertThat(config.schedule().lossThreshold("dwell")).isEqualTo(0.05);
    assertThat(config.schedule().weightDecay()).isEqualTo(0.0001);
    Map<String, String> written = Hyperparameters.toMap(config);
    assertThat(written).containsEntry("gate", "SHARED").containsEntry("lossThreshold.ctr", "0.3").hasSize(40);
    assertThat(written).containsEntry("channel.wide", "false").containsEntry("wideBuckets", "262144");
    assertThat(Hyperparameters.parse(written, TASKS)).isEqualTo(config);
  }

  @Test
  void unknownKeysAreNamed() {
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("embedingDim", "8", "zzz", "1"), TASKS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown hyperparameters 'embedingDim', 'zzz' (known: batchSize, categoricalBuckets,");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("lossThreshold.likes", "0.1"), TASKS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hyperparameter 'lossThreshold.likes' names an unknown task 'likes' (tasks: ctr, dwell)");
  }

  @Test
  void badValuesAreNamedWithTheAllowedRange() {
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("experts", "0"), TASKS))
        .hasMessage("hyperparameter 'experts' must be an integer in [1, 32], was '0'");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("batchSize", "many"), TASKS))
        .hasMessage("hyperparameter 'batchSize' must be an integer in [1, 4096], was 'many'");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("learningRate", "NaN"), TASKS))
        .hasMessage("hyperparameter 'learningRate' must be a number in [1.0E-6, 1.0], was 'NaN'");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("channel.style", "yes"), TASKS))
        .hasMessage("hyperparameter 'channel.style' must be true or false, was 'yes'");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("weightDecay", "-1"), TASKS))
        .hasMessage("hyperparameter 'weightDecay' must be a number in [0.0, 1000.0], was '-1'");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("weightDecay", "400"), TASKS))
        .hasMessage("learningRate * weightDecay must be below 1 (each step keeps 1 - their product of every"
            + " parameter), was 0.003 * 400.0");
    assertThatThrownBy(() -> Hyperparameters.parse(Map.of("gate", "SOFT"), TASKS))
        .hasMessage("hyperparameter 'gate' must be one of MMOE, SHARED, HARD, was 'SOFT'");
  }

  @Test
  void switchingEveryChannelOffIsRejected() {
    Map<String, String> off = new java.util.HashMap<>();
    for (String c : List.of("title", "tags", "body", "fusion", "style", "atomic", "categorical")) {
      off.put("channel." + c, "false");
    }
    assertThatThrownBy(() -> Hyperparameters.parse(off, TASKS))
        .hasMessage("hyperparameters: every channel is off: at least one must be on");
  }

  @Test
  void architectureDifferencesIgnoreTheSchedule() {
    ModelConfig base = ModelConfig.DEFAULTS;
    ModelConfig longer =
        Hyperparameters.parse(Map.of("steps", "900", "learningRate", "0.1", "weightDecay", "0.01"), base, TASKS);
    ModelConfig wider = Hyperparameters.parse(Map.of("expertDim", "64", "channel.tags", "false"), base, TASKS);
    assertThat(Hyperparameters.architectureDifferences(base, longer)).isEmpty();
    assertThat(base.sameArchitecture(longer)).isTrue();
    assertThat(Hyperparameters.architectureDifferences(base, wider))
        .containsExactly("expertDim (32 -> 64)", "channel.tags (true -> false)");
  }

  @Test
  void hardSharingHasOneExpert() {
    assertThat(Hyperparameters.parse(Map.of("gate", "HARD", "experts", "6"), TASKS).expertCount()).isEqualTo(1);
    assertThat(Hyperparameters.parse(Map.of("experts", "6"), TASKS).expertCount()).isEqualTo(6);
  }
}
