package io.mmq.grpc.mapping;

import io.mmq.proto.v1.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps {@code mmq.v1.Hyperparameters} to the trainer's hyperparameter strings (the names the
 * TensorFlow trainer reads: {@code steps}, {@code batchSize}, {@code learningRate}, {@code
 * evalEvery}, {@code patience}, {@code lossThreshold}, {@code experts}, {@code expertDim}, {@code
 * gate}, {@code channel.*}), checking the ranges the API documents. {@code extra} entries pass
 * through under their own names; the trainer rejects names it does not know, and {@link
 * Overrides#pathOf} turns such a rejection back into the request's field path. Paths are relative
 * to the {@code Hyperparameters} message.
 */
public final class HyperparameterMapper {
  /** Most {@code extra} entries accepted. */
  public static final int MAX_EXTRA = 64;

  /** Longest {@code extra} name and value accepted. */
  public static final int MAX_EXTRA_NAME = 128;

  public static final int MAX_EXTRA_VALUE = 1024;

  /** The trainer's channel switches behind each of the API's four channels. */
  static final Map<String, List<String>> CHANNELS =
      Map.of(
          "textChannel", List.of("channel.title", "channel.tags", "channel.body"),
          "atomicChannel", List.of("channel.atomic", "channel.categorical"),
          "imageTextChannel", List.of("channel.fusion"),
          "styleChannel", List.of("channel.style"));

  private HyperparameterMapper() {}

  /**
   * What the message asks for: the trainer's strings, the two fractions that the core takes as
   * separate values, and for each trainer name the request field it came from.
   */
  public record Overrides(
      Map<String, String> trainer,
      OptionalDouble validationFraction,
      OptionalDouble replayFraction,
      Map<String, String> origins) {
    public static final Overrides NONE =
        new Overrides(Map.of(), OptionalDouble.empty(), OptionalDouble.empty(), Map.of());

    public Overrides {
      trainer = Map.copyOf(Objects.requireNonNull(trainer, "trainer is null"));
      Objects.requireNonNull(validationFraction, "validationFraction is null");
      Objects.requireNonNull(replayFraction, "replayFraction is null");
      origins = Map.copyOf(Objects.requireNonNull(origins, "origins is null"));
    }

    /**
     * The field (relative to {@code Hyperparameters}) that a trainer's rejection message names: the
     * request field behind the first trainer name the message mentions; empty when it names none of
     * the names sent.
     */
    public Optional<String> pathOf(String message) {
      if (message == null) {
        return Optional.empty();
      }
      int best = Integer.MAX_VALUE;
      String bestKey = null;
      for (String key : origins.keySet()) {
        Matcher m =
            Pattern.compile("(?<![\\w.])" + Pattern.quote(key) + "(?![\\w.])").matcher(message);
        if (m.find() && m.start() < best) {
          best = m.start();
          bestKey = key;
        }
      }
      return Optional.ofNullable(bestKey).map(origins::get);
    }
  }

  public static Overrides toDomain(Hyperparameters proto) {
    Map<String, String> trainer = new LinkedHashMap<>();
    Map<String, String> origins = new LinkedHashMap<>();
    if (proto.hasMaxSteps()) {
      put(trainer, origins, "steps", positive(proto.getMaxSteps(), "maxSteps"), "maxSteps");
    }
    if (proto.hasBatchSize()) {
      put(trainer, origins, "batchSize", positive(proto.getBatchSize(), "batchSize"), "batchSize");
    }
    if (proto.hasLearningRate()) {
      put(
          trainer,
          origins,
          "learningRate",
          positive(proto.getLearningRate(), "learningRate"),
          "learningRate");
    }
    if (proto.hasEvalEverySteps()) {
      put(
          trainer,
          origins,
          "evalEvery",
          positive(proto.getEvalEverySteps(), "evalEverySteps"),
          "evalEverySteps");
    }
    if (proto.hasEarlyStoppingPatience()) {
      int patience = proto.getEarlyStoppingPatience();
      if (patience < 0) {
        throw new InvalidFieldException(
            "earlyStoppingPatience", "must not be negative, was " + patience);
      }
      put(trainer, origins, "patience", Integer.toString(patience), "earlyStoppingPatience");
    }
    if (proto.hasLossThreshold()) {
      put(
          trainer,
          origins,
          "lossThreshold",
          positive(proto.getLossThreshold(), "lossThreshold"),
          "lossThreshold");
    }
    if (proto.hasExperts()) {
      put(trainer, origins, "experts", positive(proto.getExperts(), "experts"), "experts");
    }
    if (proto.hasExpertUnits()) {
      put(
          trainer,
          origins,
          "expertDim",
          positive(proto.getExpertUnits(), "expertUnits"),
          "expertUnits");
    }
    gate(proto).ifPresent(gate -> put(trainer, origins, "gate", gate, "gate"));
    channels(proto, trainer, origins);
    OptionalDouble validationFraction = OptionalDouble.empty();
    if (proto.hasValidationFraction()) {
      double value = proto.getValidationFraction();
      if (!(value > 0 && value < 1)) {
        throw new InvalidFieldException("validationFraction", "must be in (0, 1), was " + value);
      }
      validationFraction = OptionalDouble.of(value);
    }
    OptionalDouble replayFraction = OptionalDouble.empty();
    if (proto.hasReplayFraction()) {
      double value = proto.getReplayFraction();
      if (!(value >= 0 && value < 1)) {
        throw new InvalidFieldException("replayFraction", "must be in [0, 1), was " + value);
      }
      replayFraction = OptionalDouble.of(value);
    }
    extra(proto.getExtraMap(), trainer, origins);
    return new Overrides(trainer, validationFraction, replayFraction, origins);
  }

  private static Optional<String> gate(Hyperparameters proto) {
    return switch (proto.getGate()) {
      case GATE_TYPE_UNSPECIFIED -> Optional.empty();
      case MMOE -> Optional.of("MMOE");
      case SHARED_GATE -> Optional.of("SHARED");
      case HARD_SHARING -> Optional.of("HARD");
      case UNRECOGNIZED ->
          throw new InvalidFieldException("gate", "must be MMOE, SHARED_GATE or HARD_SHARING");
    };
  }

  private static void channels(
      Hyperparameters proto, Map<String, String> trainer, Map<String, String> origins) {
    Map<String, Boolean> given = new LinkedHashMap<>();
    if (proto.hasTextChannel()) {
      given.put("textChannel", proto.getTextChannel());
    }
    if (proto.hasAtomicChannel()) {
      given.put("atomicChannel", proto.getAtomicChannel());
    }
    if (proto.hasImageTextChannel()) {
      given.put("imageTextChannel", proto.getImageTextChannel());
    }
    if (proto.hasStyleChannel()) {
      given.put("styleChannel", proto.getStyleChannel());
    }
    if (given.size() == CHANNELS.size() && !given.containsValue(true)) {
      throw new InvalidFieldException(
          "",
          "textChannel, atomicChannel, imageTextChannel and styleChannel are all off: at least one"
              + " must stay on");
    }
    given.forEach(
        (field, on) -> {
          for (String key : CHANNELS.get(field)) {
            put(trainer, origins, key, Boolean.toString(on), field);
          }
        });
  }

  private static void extra(
      Map<String, String> extra, Map<String, String> trainer, Map<String, String> origins) {
    if (extra.size() > MAX_EXTRA) {
      throw InvalidFieldException.oversized(
          "extra", "has " + extra.size() + " entries; at most " + MAX_EXTRA + " allowed");
    }
    for (Map.Entry<String, String> entry : new TreeMap<>(extra).entrySet()) {
      String name = entry.getKey();
      String path = FieldPath.key("", "extra", name);
      if (name.isBlank()) {
        throw new InvalidFieldException("extra", "names must not be blank");
      }
      if (name.length() > MAX_EXTRA_NAME) {
        throw InvalidFieldException.oversized(
            "extra",
            "a name has " + name.length() + " characters; at most " + MAX_EXTRA_NAME + " allowed");
      }
      if (entry.getValue().length() > MAX_EXTRA_VALUE) {
        throw InvalidFieldException.oversized(
            path,
            "has "
                + entry.getValue().length()
                + " characters; at most "
                + MAX_EXTRA_VALUE
                + " allowed");
      }
      if (trainer.containsKey(name)) {
        throw new InvalidFieldException(
            path, "is also set by " + origins.get(name) + ": give it once");
      }
      put(trainer, origins, name, entry.getValue(), path);
    }
  }

  private static void put(
      Map<String, String> trainer,
      Map<String, String> origins,
      String key,
      String value,
      String path) {
    trainer.put(key, value);
    origins.put(key, path);
  }

  private static String positive(int value, String path) {
    if (value <= 0) {
      throw new InvalidFieldException(path, "must be > 0, was " + value);
    }
    return Integer.toString(value);
  }

  private static String positive(double value, String path) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new InvalidFieldException(path, "must be a finite number > 0, was " + value);
    }
    return Double.toString(value);
  }
}
