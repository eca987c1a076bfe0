package io.mmq.core.testing.fake;

import io.mmq.core.classification.policy.QualityAggregationPolicy;
import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.classification.service.ClassificationService;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.engagement.service.RecordEngagementService;
import io.mmq.core.label.policy.LabelDerivationPolicy;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.label.port.in.DeriveLabelsResult;
import io.mmq.core.label.service.DeriveLabelsService;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.service.RerankService;
import io.mmq.core.registry.service.ModelManagementService;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.resource.service.ResourceCatalogService;
import io.mmq.core.task.service.TaskSetService;
import io.mmq.core.telemetry.Telemetry;
import io.mmq.core.training.service.ModelTraining;
import io.mmq.core.training.service.TrainingService;
import io.mmq.core.validation.policy.PromotionPolicy;
import io.mmq.core.validation.policy.RetrainPolicy;
import io.mmq.core.validation.policy.ValidationPolicy;
import io.mmq.core.validation.service.RetrainScheduleService;
import io.mmq.core.validation.service.ValidationService;
import java.util.List;

/**
 * Every use-case service of the core wired on {@link FakePorts}, as the application wires them on
 * real adapters: one {@link ModelTraining} and one {@link ActiveModelHolder} shared by the services
 * that need them. For tests of adapters (a gRPC service over real use cases) and of the core's
 * flows.
 */
public final class InMemoryCore {
  public final FakePorts ports;
  public final ResourceCatalogService catalog;
  public final RecordEngagementService engagement;
  public final TaskSetService taskSets;
  public final DeriveLabelsService labels;
  public final ModelTraining modelTraining;
  public final TrainingService training;
  public final ModelManagementService models;
  public final ActiveModelHolder activeModel;
  public final ClassificationService classification;
  public final RerankService rerank;
  public final ValidationService validation;
  public final RetrainScheduleService schedule;

  public InMemoryCore(
      FakePorts ports,
      QualityAggregationPolicy aggregation,
      ReweightingPolicy reweighting,
      ValidationPolicy validationPolicy,
      PromotionPolicy promotion,
      RetrainPolicy retrain) {
    this.ports = ports;
    catalog = new ResourceCatalogService(ports.resources);
    engagement = new RecordEngagementService(ports.engagements);
    taskSets = new TaskSetService(ports.taskSets);
    labels =
        new DeriveLabelsService(
            ports.engagements, ports.labels, ports.taskSets, LabelDerivationPolicy.STANDARD);
    activeModel = new ActiveModelHolder(ports.registry, ports.loader);
    modelTraining =
        new ModelTraining(ports.trainer, ports.registry, ports.jobs, ports.clock, activeModel);
    training =
        new TrainingService(
            ports.labels, ports.resources, ports.taskSets, ports.registry, ports.jobs,
            modelTraining, ports.loader, validationPolicy);
    models = new ModelManagementService(ports.registry, activeModel, ports.clock);
    classification = new ClassificationService(ports.resources, activeModel, aggregation);
    rerank = new RerankService(classification, reweighting);
    validation =
        new ValidationService(
            ports.labels, ports.resources, ports.registry, ports.validationRuns, activeModel,
            ports.loader, modelTraining, validationPolicy, promotion, ports.clock, Telemetry.NONE);
    schedule =
        new RetrainScheduleService(ports.validationRuns, ports.registry, retrain, ports.clock);
  }

  /** Ingests the resources, records the engagement and derives the labels of {@code window}. */
  public DeriveLabelsResult ingestAndLabel(
      List<Resource> resources, List<EngagementRecord> records, TimeWindow window) {
    catalog.ingest(new IngestResourcesCommand(resources));
    engagement.record(new RecordEngagementCommand(records));
    return labels.derive(new DeriveLabelsCommand(window));
  }

  /**
   * The core on fresh fakes with the default policies: MAJORITY aggregation, re-weighting boost
   * 1.2 / demotion 0.8, validation thresholds 0.5 / 0.7, promote only if strictly better, 5-day
   * schedule.
   */
  public static InMemoryCore create() {
    return create(FakePorts.create());
  }

  public static InMemoryCore create(FakePorts ports) {
    return new InMemoryCore(
        ports,
        QualityAggregationPolicy.MAJORITY,
        ReweightingPolicy.DEFAULT,
        ValidationPolicy.DEFAULT,
        PromotionPolicy.DEFAULT,
        RetrainPolicy.DEFAULT);
  }
}
