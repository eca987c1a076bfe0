package io.mmq.grpc.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.mmq.proto.v1.GateType;
import io.mmq.proto.v1.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterMapperTest {

  @Test
  void everyTypedFieldBecomesTheTrainersSetting() {
    Hyperparameters proto =
        Hyperparameters.newBuilder()
            .setMaxSteps(2000)
            .setBatchSize(64)
            .setLearningRate(0.002)
            .setEvalEverySteps(25)
            .setEarlyStoppingPatience(0)
            .setLossThreshold(0.1)
            .setExperts(6)
            .setExpertUnits(48)
            .setGate(GateType.SHARED_GATE)
            .setTextChannel(false)
            .setAtomicChannel(true)
            .setImageTextChannel(false)
            .setStyleChannel(true)
            .putExtra("embeddingDim", "24")
            .build();

    HyperparameterMapper.Overrides overrides = HyperparameterMapper.toDomain(proto);

    assertThat(overrides.trainer())
        .containsOnly(
            entry("steps", "2000"),
            entry("batchSize", "64"),
            entry("learningRate", "0.002"),
            entry("evalEvery", "25"),
            entry("patience", "0"),
            entry("lossThreshold", "0.1"),
            entry("experts", "6"),
            entry("expertDim", "48"),
            entry("gate", "SHARED"),
            entry("channel.title", "false"),
            entry("channel.tags", "false"),
            entry("channel.body", "false"),
            entry("channel.atomic", "true"),
            entry("channel.categorical", "true"),
            entry("channel.fusion", "false"),
            entry("channel.style", "true"),
            entry("embeddingDim", "24"));
    assertThat(overrides.validationFraction()).isEmpty();
    assertThat(overrides.replayFraction()).isEmpty();
  }

  @Test
  void absentFieldsKeepTheServerDefaultsAndTheFractionsAreSeparate() {
    HyperparameterMapper.Overrides overrides =
        HyperparameterMapper.toDomain(
            Hyperparameters.newBuilder()
                .setValidationFraction(0.25)
                .setReplayFraction(0.0)
                .setGate(GateType.HARD_SHARING)
                .build());

    assertThat(overrides.trainer()).isEqualTo(Map.of("gate", "HARD"));
    assertThat(overrides.validationFraction()).hasValue(0.25);
    assertThat(overrides.replayFraction()).hasValue(0.0);
    assertThat(HyperparameterMapper.toDomain(Hyperparameters.getDefaultInstance()).trainer())
        .isEmpty();
  }

  @Test
  void outOfRangeValuesNameTheirField() {
    assertRejected(Hyperparameters.newBuilder().setMaxSteps(-1), "maxSteps");
    assertRejected(Hyperparameters.newBuilder().setBatchSize(0), "batchSize");
    assertRejected(
        Hyperparameters.newBuilder().setLearningRate(Double.POSITIVE_INFINITY), "learningRate");
    assertRejected(Hyperparameters.newBuilder().setLearningRate(0), "learningRate");
    assertRejected(Hyperparameters.newBuilder().setEvalEverySteps(0), "evalEverySteps");
    assertRejected(
        Hyperparameters.newBuilder().setEarlyStoppingPatience(-1), "earlyStoppingPatience");
    assertRejected(Hyperparameters.newBuilder().setLossThreshold(Double.NaN), "lossThreshold");
    assertRejected(Hyperparameters.newBuilder().setExperts(0), "experts");
    assertRejected(Hyperparameters.newBuilder().setExpertUnits(0), "expertUnits");
    assertRejected(Hyperparameters.newBuilder().setValidationFraction(0), "validationFraction");
    assertRejected(Hyperparameters.newBuilder().setValidationFraction(1), "validationFraction");
    assertRejected(Hyperparameters.newBuilder().setReplayFraction(1), "replayFraction");
    assertRejected(Hyperparameters.newBuilder().setGateValue(99), "gate");
    assertRejected(
        Hyperparameters.newBuilder()
            .setTextChannel(false)
            .setAtomicChannel(false)
            .setImageTextChannel(false)
            .setStyleChannel(false),
        "");
    assertRejected(
        Hyperparameters.newBuilder().setMaxSteps(5).putExtra("steps", "6"), "extra[\"steps\"]");
    assertRejected(Hyperparameters.newBuilder().putExtra(" ", "x"), "extra");
  }

  @Test
  void tooManyOrTooLongExtrasAreOversized() {
    Hyperparameters.Builder many = Hyperparameters.newBuilder();
    for (int i = 0; i <= HyperparameterMapper.MAX_EXTRA; i++) {
      many.putExtra("k" + i, "v");
    }
    InvalidFieldException tooMany =
        catchThrowableOfType(
            InvalidFieldException.class, () -> HyperparameterMapper.toDomain(many.build()));
    InvalidFieldException tooLong =
        catchThrowableOfType(
            InvalidFieldException.class,
            () ->
                HyperparameterMapper.toDomain(
                    Hyperparameters.newBuilder()
                        .putExtra("k", "v".repeat(HyperparameterMapper.MAX_EXTRA_VALUE + 1))
                        .build()));

    assertThat(tooMany.isOversized()).isTrue();
    assertThat(tooMany.fieldPath()).isEqualTo("extra");
    assertThat(tooLong.isOversized()).isTrue();
    assertThat(tooLong.fieldPath()).isEqualTo("extra[\"k\"]");
  }

  @Test
  void aTrainersRejectionIsTracedBackToTheFieldThatSentTheSetting() {
    HyperparameterMapper.Overrides overrides =
        HyperparameterMapper.toDomain(
            Hyperparameters.newBuilder()
                .setMaxSteps(5)
                .setExpertUnits(600)
                .setTextChannel(false)
                .putExtra("dropout", "0.1")
                .build());

    // the TensorFlow trainer's wording
    assertThat(
            overrides.pathOf(
                "hyperparameter 'expertDim' must be an integer in [2, 512], was '600'"))
        .hasValue("expertUnits");
    assertThat(
            overrides.pathOf(
                "unknown hyperparameter 'dropout' (known: batchSize, channel.body, steps)"))
        .hasValue("extra[\"dropout\"]");
    assertThat(
            overrides.pathOf("fine-tuning cannot change the network: channel.tags (true -> false)"))
        .hasValue("textChannel");
    // the fake trainer's wording
    assertThat(overrides.pathOf("hyperparameter steps must be in [1, 10000], was 5"))
        .hasValue("maxSteps");
    // a name that is only part of a longer word does not count
    assertThat(overrides.pathOf("hyperparameter 'stepsPerEpoch' is odd")).isEmpty();
    assertThat(overrides.pathOf("the training set is empty")).isEmpty();
    assertThat(overrides.pathOf(null)).isEmpty();
  }

  private static void assertRejected(Hyperparameters.Builder proto, String field) {
    InvalidFieldException e =
        catchThrowableOfType(
            InvalidFieldException.class, () -> HyperparameterMapper.toDomain(proto.build()));
    assertThat(e).as("rejected at " + field).isNotNull();
    assertThat(e.fieldPath()).isEqualTo(field);
    assertThat(e.isOversized()).isFalse();
  }
}
