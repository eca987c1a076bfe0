package io.mmq.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.mmq.app.config.MmqConfig;
import io.mmq.app.metrics.MetricsModule;
import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.classification.service.ClassificationService;
import io.mmq.core.classification.service.ServingSettings;
import io.mmq.core.classification.service.WarmUpBatch;
import io.mmq.core.engagement.port.in.ListEngagementUseCase;
import io.mmq.core.engagement.port.in.RecordEngagementUseCase;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.engagement.service.EngagementQueryService;
import io.mmq.core.engagement.service.RecordEngagementService;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.port.in.DeriveLabelsUseCase;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.label.service.DeriveLabelsService;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.port.in.RerankUseCase;
import io.mmq.core.recommendation.service.RerankService;
import io.mmq.core.registry.port.in.GetModelUseCase;
import io.mmq.core.registry.port.in.ListModelsUseCase;
import io.mmq.core.registry.port.in.PromoteModelUseCase;
import io.mmq.core.registry.port.in.RollbackModelUseCase;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.registry.service.ModelManagementService;
import io.mmq.core.resource.port.in.GetResourceUseCase;
import io.mmq.core.resource.port.in.IngestResourcesUseCase;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.resource.service.ResourceCatalogService;
import io.mmq.core.task.port.in.GetTaskSetUseCase;
import io.mmq.core.task.port.in.SetTaskSetUseCase;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.task.service.TaskSetService;
import io.mmq.core.training.port.in.CancelJobUseCase;
import io.mmq.core.training.port.in.GetJobUseCase;
import io.mmq.core.training.port.in.ListJobsUseCase;
import io.mmq.core.training.port.in.TrainModelUseCase;
import io.mmq.core.training.port.out.ModelTrainer;
import io.mmq.core.training.port.out.TrainingJobs;
import io.mmq.core.training.service.ModelTraining;
import io.mmq.core.training.service.TrainingService;
import io.mmq.core.validation.policy.PromotionPolicy;
import io.mmq.core.validation.policy.RetrainPolicy;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.port.in.CheckRetrainScheduleUseCase;
import io.mmq.core.validation.port.in.ListValidationRunsUseCase;
import io.mmq.core.validation.port.in.RunRetrainCycleUseCase;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import io.mmq.core.validation.port.out.ValidationRuns;
import io.mmq.core.validation.service.RetrainLoopService;
import io.mmq.core.validation.service.RetrainScheduleService;
import io.mmq.core.validation.service.ValidationService;
import io.mmq.core.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The core's use cases and policies: services built from the outbound ports (bound by the
 * persistence and TensorFlow modules) and policies read from the configuration.
 */
public final class CoreModule extends AbstractModule {
  private final MmqConfig config;

  public CoreModule(MmqConfig config) {
    this.config = Objects.requireNonNull(config, "config is null");
  }

  @Override
  protected void configure() {
    bind(Clock.class).toInstance(Clock.systemUTC());
    install(new MetricsModule());
    bind(MmqConfig.class).toInstance(config);
    bind(LabelDerivationPolicy.class).toInstance(LabelDerivationPolicy.STANDARD);
    bind(PromotionPolicy.class).toInstance(PromotionPolicy.DEFAULT);
    bind(IngestResourcesUseCase.class).to(ResourceCatalogService.class);
    bind(GetResourceUseCase.class).to(ResourceCatalogService.class);
    bind(RecordEngagementUseCase.class).to(RecordEngagementService.class);
    bind(ListEngagementUseCase.class).to(EngagementQueryService.class);
    bind(GetTaskSetUseCase.class).to(TaskSetService.class);
    bind(SetTaskSetUseCase.class).to(TaskSetService.class);
    bind(DeriveLabelsUseCase.class).to(DeriveLabelsService.class);
    bind(ClassifyResourcesUseCase.class).to(ClassificationService.class);
    bind(RerankUseCase.class).to(RerankService.class);
    bind(ListModelsUseCase.class).to(ModelManagementService.class);
    bind(GetModelUseCase.class).to(ModelManagementService.class);
    bind(PromoteModelUseCase.class).to(ModelManagementService.class);
    bind(RollbackModelUseCase.class).to(ModelManagementService.class);
    bind(TrainModelUseCase.class).to(TrainingService.class);
    bind(GetJobUseCase.class).to(TrainingService.class);
    bind(ListJobsUseCase.class).to(TrainingService.class);
    bind(CancelJobUseCase.class).to(TrainingService.class);
    bind(ValidateModelUseCase.class).to(ValidationService.class);
    bind(CheckRetrainScheduleUseCase.class).to(RetrainScheduleService.class);
    bind(ListValidationRunsUseCase.class).to(RetrainScheduleService.class);
    bind(RunRetrainCycleUseCase.class).to(RetrainLoopService.class);
  }

  @Provides
  @Singleton
  ReweightingPolicy reweighting() {
    return new ReweightingPolicy(
        config.getDouble("rerank.boost"),
        config.getDouble("rerank.demotion"),
        config.getBoolean("rerank.filter-low-quality"));
  }

  @Provides
  @Singleton
  ValidationPolicy validation() {
    return new ValidationPolicy(
        config.getDouble("validation.coincidence-threshold"),
        config.getDouble("validation.accuracy-threshold"));
  }

  @Provides
  @Singleton
  RetrainPolicy retrain() {
    return RetrainPolicy.everyDays(config.getInt("retrain.period-days"));
  }

  @Provides
  @Singleton
  QualityAggregationPolicy aggregation(TaskSets taskSets) {
    return QualityAggregationPolicy.parse(config.get("classify.aggregation"), taskSets.current());
  }

  @Provides
  @Singleton
  ResourceCatalogService catalog(Resources resources) {
    return new ResourceCatalogService(resources);
  }

  @Provides
  @Singleton
  RecordEngagementService recordEngagement(Engagements engagements) {
    return new RecordEngagementService(engagements);
  }

  @Provides
  @Singleton
  EngagementQueryService engagementQuery(Engagements engagements) {
    return new EngagementQueryService(engagements);
  }

  @Provides
  @Singleton
  TaskSetService taskSets(TaskSets taskSets) {
    return new TaskSetService(taskSets);
  }

  @Provides
  @Singleton
  DeriveLabelsService labels(Engagements engagements, Labels labels, TaskSets taskSets, LabelDerivationPolicy policy) {
    return new DeriveLabelsService(engagements, labels, taskSets, policy);
  }

  @Provides
  @Singleton
  ActiveModelHolder activeModel(ModelRegistry registry, QualityModelLoader loader, Telemetry telemetry) {
    return new ActiveModelHolder(registry, loader, telemetry, WarmUpBatch.synthetic(8));
  }

  @Provides
  @Singleton
  ServingSettings serving() {
    return new ServingSettings(
        config.getInt("serving.batch.max-size"),
        Duration.ofMillis(config.getInt("serving.batch.max-delay-ms")),
        config.getInt("serving.queue.capacity"),
        config.getInt("serving.batch.workers"),
        config.getInt("serving.cache.entries"));
  }

  @Provides
  @Singleton
  ClassificationService classification(
      Resources resources,
      ActiveModelHolder models,
      QualityAggregationPolicy aggregation,
      ServingSettings serving,
      Telemetry telemetry) {
    return new ClassificationService(resources, models, aggregation, serving, telemetry);
  }

  @Provides
  @Singleton
  RerankService rerank(ClassifyResourcesUseCase classify, ReweightingPolicy policy) {
    return new RerankService(classify, policy);
  }

  @Provides
  @Singleton
  ModelManagementService models(
      ModelRegistry registry, ActiveModelHolder activeModel, Clock clock) {
    return new ModelManagementService(registry, activeModel, clock);
  }

  @Provides
  @Singleton
  ModelTraining modelTraining(
      ModelTrainer trainer,
      ModelRegistry registry,
      TrainingJobs jobs,
      Clock clock,
      ActiveModelHolder activeModel,
      Telemetry telemetry) {
    return new ModelTraining(trainer, registry, jobs, clock, activeModel, telemetry);
  }

  @Provides
  @Singleton
  TrainingService training(
      Labels labels,
      Resources resources,
      TaskSets taskSets,
      ModelRegistry registry,
      TrainingJobs jobs,
      ModelTraining training,
      QualityModelLoader loader,
      ValidationPolicy validationPolicy) {
    return new TrainingService(labels, resources, taskSets, registry, jobs, training, loader, validationPolicy);
  }

  @Provides
  @Singleton
  ValidationService validationService(
      Labels labels,
      Resources resources,
      ModelRegistry registry,
      ValidationRuns runs,
      ActiveModelHolder models,
      QualityModelLoader loader,
      ModelTraining training,
      ValidationPolicy validationPolicy,
      PromotionPolicy promotionPolicy,
      Clock clock,
      Telemetry telemetry) {
    return new ValidationService(
        labels, resources, registry, runs, models, loader, training, validationPolicy, promotionPolicy, clock,
        telemetry);
  }

  @Provides
  @Singleton
  RetrainScheduleService schedule(ValidationRuns runs, ModelRegistry registry, RetrainPolicy policy, Clock clock) {
    return new RetrainScheduleService(runs, registry, policy, clock);
  }

  @Provides
  @Singleton
  RetrainLoopService retrainLoop(
      CheckRetrainScheduleUseCase schedule, ValidateModelUseCase validation, Labels labels, ValidationRuns runs) {
    return new RetrainLoopService(schedule, validation, labels, runs);
  }
}
