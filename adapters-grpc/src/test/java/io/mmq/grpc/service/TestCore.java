package io.mmq.grpc.service;

import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.classification.service.ClassificationService;
import io.mmq.core.engagement.service.EngagementQueryService;
import io.mmq.core.engagement.service.RecordEngagementService;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.service.DeriveLabelsService;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.service.RerankService;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.registry.service.ModelManagementService;
import io.mmq.core.resource.service.ResourceCatalogService;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.service.TaskSetService;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.testing.fake.FakePorts;
import io.mmq.core.training.model.ExampleSource;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingConfig;
import io.mmq.core.training.model.TrainingListener;
import io.mmq.core.training.port.out.ModelTrainer;
import io.mmq.core.training.service.ModelTraining;
import io.mmq.core.training.service.TrainingService;
import io.mmq.core.validation.policy.PromotionPolicy;
import io.mmq.core.validation.policy.RetrainPolicy;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.service.RetrainScheduleService;
import io.mmq.core.validation.service.ValidationService;
import io.mmq.grpc.mapping.RequestLimits;
import io.mmq.grpc.server.GrpcServer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real core services over the core's in-memory fakes, and the five gRPC services over them, as
 * the application wires them. The fake trainer is wrapped so that it records its held-out metrics
 * under the names the real trainer uses ({@code <task>.auc}, {@code <task>.logLoss}, {@code
 * evaluated}), which the API reads.
 */
final class TestCore {
  /** How far the throughput clock of Train advances at each reading: half a second. */
  static final long STOPWATCH_TICK_NANOS = 500_000_000L;

  final FakePorts ports = FakePorts.create();
  private final AtomicLong stopwatch = new AtomicLong();
  /** When set, the trainer's artifacts are bytes no loader reads (a model that cannot be served). */
  volatile boolean unreadableArtifacts;
  final ResourceCatalogService catalog = new ResourceCatalogService(ports.resources);
  final TaskSetService taskSets = new TaskSetService(ports.taskSets);
  final ActiveModelHolder activeModel = new ActiveModelHolder(ports.registry, ports.loader);
  final ModelManagementService models =
      new ModelManagementService(ports.registry, activeModel, ports.clock);
  final ModelTraining modelTraining =
      new ModelTraining(
          new TrainerNamingMetrics(), ports.registry, ports.jobs, ports.clock, activeModel);
  final TrainingService training =
      new TrainingService(
          ports.labels, ports.resources, ports.taskSets, ports.registry, ports.jobs, modelTraining,
          ports.loader, ValidationPolicy.DEFAULT);
  final ClassificationService classification =
      new ClassificationService(ports.resources, activeModel, QualityAggregationPolicy.MAJORITY);
  final ValidationService validation =
      new ValidationService(
          ports.labels,
          ports.resources,
          ports.registry,
          ports.validationRuns,
          activeModel,
          ports.loader,
          modelTraining,
          ValidationPolicy.DEFAULT,
          PromotionPolicy.DEFAULT,
          ports.clock,
          Telemetry.NONE);
  final RetrainScheduleService schedule =
      new RetrainScheduleService(
          ports.validationRuns, ports.registry, RetrainPolicy.DEFAULT, ports.clock);

  Set<io.grpc.BindableService> services() {
    return services(RequestLimits.DEFAULT);
  }

  /** The services with these request limits. */
  Set<io.grpc.BindableService> services(RequestLimits limits) {
    ClassificationGrpcService classify =
        new ClassificationGrpcService(classification, catalog, limits);
    return Set.of(
        new CatalogGrpcService(
            catalog,
            new RecordEngagementService(ports.engagements),
            catalog,
            new EngagementQueryService(ports.engagements),
            taskSets,
            taskSets,
            limits),
        classify,
        new RecommendationGrpcService(
            new RerankService(classification, ReweightingPolicy.DEFAULT),
            classify,
            ReweightingPolicy.DEFAULT),
        new ModelGrpcService(models, models, models, models, training),
        new TrainingGrpcService(
            new DeriveLabelsService(
                ports.engagements, ports.labels, ports.taskSets, LabelDerivationPolicy.STANDARD),
            training,
            validation,
            schedule,
            training,
            training,
            training,
            models,
            taskSets,
            () -> 42L,
            () -> stopwatch.addAndGet(STOPWATCH_TICK_NANOS)));
  }

  GrpcServer server(io.grpc.ServerBuilder<?> builder) {
    return new GrpcServer(builder, services(), java.util.List.of());
  }

  /** The fake trainer, recording its held-out metrics as the TensorFlow trainer names them. */
  private final class TrainerNamingMetrics implements ModelTrainer {
    @Override
    public TrainedModel train(
        TaskSet tasks,
        ExampleSource training,
        ExampleSource validation,
        TrainingConfig config,
        Optional<ModelArtifact> fineTuneFrom,
        TrainingListener listener) {
      TrainedModel trained =
          ports.trainer.train(tasks, training, validation, config, fineTuneFrom, listener);
      Map<String, Double> metrics = new HashMap<>(trained.metrics());
      trained
          .metrics()
          .forEach(
              (key, value) -> {
                if (key.startsWith("auc.")) {
                  metrics.put(key.substring(4) + ".auc", value);
                } else if (key.startsWith("loss.")) {
                  metrics.put(key.substring(5) + ".logLoss", value);
                }
              });
      metrics.put("evaluated", trained.metrics().getOrDefault("validationExamples", 0.0));
      ModelArtifact artifact =
          unreadableArtifacts
              ? ModelArtifact.of("not a model".getBytes(StandardCharsets.UTF_8))
              : trained.artifact();
      return new TrainedModel(
          artifact, trained.hyperparameters(), metrics, trained.steps(), trained.stopReason());
    }
  }
}
