package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.policy.AttributeExtractor;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.port.out.ModelTrainer;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the multi-task quality model with TensorFlow Java (R10-R13). Attributes are extracted from
 * each streamed resource; the feature spec (normalisers, fields) is fitted by a first pass over
 * the training examples, or taken from the model being fine-tuned, whose weights then start the
 * training. The result is an artifact in {@link ArtifactFormat} with metrics measured by the
 * shipped inference graph on the validation examples (on the training examples when there are
 * none, flagged by {@code metricsOnTrainingData = 1}).
 */
final class TfModelTrainer implements ModelTrainer {
  private static final Logger log = LoggerFactory.getLogger(TfModelTrainer.class);

  private final Clock clock;
  private final Function<Resource, ResourceAttributes> extractor;

  @Inject
  TfModelTrainer(Clock clock) {
    this(clock, AttributeExtractor.standard()::extract);
  }

  TfModelTrainer(Clock clock, Function<Resource, ResourceAttributes> extractor) {
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.extractor = Objects.requireNonNull(extractor, "extractor is null");
  }

  @Override
  public TrainedModel train(
      TaskSet tasks,
      ExampleSource training,
      ExampleSource validation,
      TrainingConfig config,
      Optional<ModelArtifact> fineTuneFrom,
      TrainingListener listener) {
    Objects.requireNonNull(config, "config is null");
    return train(
        tasks,
        extracted(training),
        extracted(validation),
        config.seed(),
        config.hyperparameters(),
        fineTuneFrom.map(a -> new FineTuneBase(ArtifactFormat.read(a.bytes()), a.checksum())),
        listener);
  }

  /** Trains on attributes directly (the port's path after extraction; used by tests). */
  TrainedModel train(
      TaskSet tasks,
      LabelledAttributes.Source training,
      LabelledAttributes.Source validation,
      long seed,
      Map<String, String> hyperparameters,
      Optional<FineTuneBase> base,
      TrainingListener listener) {
    Objects.requireNonNull(tasks, "tasks is null");
    Objects.requireNonNull(listener, "listener is null");
    List<String> taskNames = tasks.names().stream().map(TaskName::value).toList();
    ModelConfig config =
        Hyperparameters.parse(
            hyperparameters, base.map(b -> b.contents().config()).orElse(ModelConfig.DEFAULTS), taskNames);
    FeatureSpec spec;
    if (base.isPresent()) {
      ArtifactContents contents = base.get().contents();
      if (!contents.tasks().names().equals(tasks.names())) {
        throw new IllegalArgumentException(
            "fine-tuning needs the same tasks as the model: it has " + contents.tasks().names()
                + ", asked for " + tasks.names());
      }
      List<String> changed = Hyperparameters.architectureDifferences(contents.config(), config);
      if (!changed.isEmpty()) {
        throw new IllegalArgumentException("fine-tuning cannot change the network: " + String.join(", ", changed));
      }
      spec = contents.spec();
    } else {
      FeatureSpec.Fitter fitter = new FeatureSpec.Fitter(config.limits());
      training.forEach(example -> fitter.add(example.attributes()));
      if (fitter.examples() == 0) {
        throw new IllegalArgumentException("the training set is empty");
      }
      spec = fitter.fit();
    }
    FeatureEncoder encoder = new FeatureEncoder(new InputShapes(config, spec, tasks.size()), tasks.names());
    long started = System.nanoTime();
    TrainingRun.Outcome outcome =
        new TrainingRun(encoder, tasks.tasks(), seed, base.map(b -> b.contents().weights()), listener)
            .run(training, validation);
    log.info(
        "trained {} steps ({}) in {} ms; best at step {}",
        outcome.steps(), outcome.reason(), (System.nanoTime() - started) / 1_000_000, outcome.bestStep());
    Map<String, Double> metrics = new LinkedHashMap<>();
    try (InferenceModel model = new InferenceModel(encoder, outcome.weights())) {
      metrics.putAll(ModelEvaluation.evaluate(model, validation, tasks.tasks()));
      if (metrics.get("evaluated") == 0.0) {
        metrics.clear();
        metrics.putAll(ModelEvaluation.evaluate(model, training, tasks.tasks()));
        metrics.put("metricsOnTrainingData", 1.0);
      }
    }
    outcome.lastLoss().forEach((task, loss) -> metrics.put(task.value() + ".trainingLoss", loss));
    metrics.put("steps", (double) outcome.steps());
    metrics.put("bestStep", (double) outcome.bestStep());
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("seed", Long.toString(seed));
    provenance.put("steps", Integer.toString(outcome.steps()));
    provenance.put("bestStep", Integer.toString(outcome.bestStep()));
    provenance.put("stopReason", outcome.reason().name());
    provenance.put("trainedAt", clock.instant().toString());
    base.ifPresent(b -> provenance.put("fineTunedFrom", b.checksum()));
    byte[] bytes =
        ArtifactFormat.write(
            new ArtifactContents(config, spec, tasks, outcome.weights(), metrics, provenance));
    return new TrainedModel(
        ModelArtifact.of(bytes), Hyperparameters.toMap(config), metrics, outcome.steps(), outcome.reason());
  }

  private LabelledAttributes.Source extracted(ExampleSource source) {
    Objects.requireNonNull(source, "example source is null");
    return consumer ->
        source.forEach(
            example -> {
              ResourceAttributes attributes;
              try {
                attributes = extractor.apply(example.resource());
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "training example " + example.resource().id() + ": " + e.getMessage(), e);
              }
              consumer.accept(new LabelledAttributes(attributes, example.labels()));
            });
  }

  /** A model to fine-tune: its contents and the checksum of its artifact. */
  record FineTuneBase(ArtifactContents contents, String checksum) {}
}
