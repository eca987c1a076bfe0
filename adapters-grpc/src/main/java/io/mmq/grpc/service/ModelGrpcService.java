package io.mmq.grpc.service;

import io.grpc.stub.StreamObserver;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.GetModelUseCase;
import io.mmq.core.registry.port.in.ListModelsUseCase;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.registry.port.in.PromoteModelUseCase;
import io.mmq.core.registry.port.in.RollbackModelCommand;
import io.mmq.core.registry.port.in.RollbackModelUseCase;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.port.in.ListJobsUseCase;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.InvalidFieldException;
import io.mmq.grpc.mapping.TaskSetMapper;
import io.mmq.grpc.mapping.Timestamps;
import io.mmq.proto.v1.GetModelRequest;
import io.mmq.proto.v1.ListModelsRequest;
import io.mmq.proto.v1.ListModelsResponse;
import io.mmq.proto.v1.ModelInfo;
import io.mmq.proto.v1.ModelProvenance;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.ModelStatus;
import io.mmq.proto.v1.PromoteModelRequest;
import io.mmq.proto.v1.RollbackModelRequest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code mmq.v1.ModelService}: list, get, promote and roll back models. A model's provenance names
 * the recorded training job whose result it is (the registry does not store it: the jobs do).
 */
final class ModelGrpcService extends ModelServiceGrpc.ModelServiceImplBase {
  private final ListModelsUseCase list;
  private final GetModelUseCase get;
  private final PromoteModelUseCase promote;
  private final RollbackModelUseCase rollback;
  private final ListJobsUseCase jobs;

  @Inject
  ModelGrpcService(
      ListModelsUseCase list,
      GetModelUseCase get,
      PromoteModelUseCase promote,
      RollbackModelUseCase rollback,
      ListJobsUseCase jobs) {
    this.list = Objects.requireNonNull(list, "list is null");
    this.get = Objects.requireNonNull(get, "get is null");
    this.promote = Objects.requireNonNull(promote, "promote is null");
    this.rollback = Objects.requireNonNull(rollback, "rollback is null");
    this.jobs = Objects.requireNonNull(jobs, "jobs is null");
  }

  @Override
  public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> response) {
    Calls.unary(
        response,
        () -> {
          if (request.hasStatus()
              && (request.getStatus() == ModelStatus.MODEL_STATUS_UNSPECIFIED
                  || request.getStatus() == ModelStatus.UNRECOGNIZED)) {
            throw new InvalidFieldException("status", "must be ACTIVE, CANDIDATE or RETIRED");
          }
          Paging page = Paging.of(request.getPageSize(), request.getPageToken());
          List<ModelRecord> all =
              list.list().stream()
                  .filter(model -> !request.hasStatus() || model.status().name().equals(request.getStatus().name()))
                  .toList();
          var builder = ListModelsResponse.newBuilder().setNextPageToken(page.nextToken(all.size()));
          Map<ModelVersion, JobId> producers = producers();
          page.slice(all).forEach(model -> builder.addModels(toProto(model, producers)));
          return builder.build();
        });
  }

  @Override
  public void getModel(GetModelRequest request, StreamObserver<ModelInfo> response) {
    Calls.unary(
        response,
        () -> {
          if (request.getVersion().isEmpty()) {
            return toProto(
                get.active()
                    .orElseThrow(
                        () ->
                            new PreconditionFailedException(
                                "no model is active: train one (mmq train) or promote one (mmq models promote)")));
          }
          return toProto(get.get(version(request.getVersion())));
        });
  }

  @Override
  public void promoteModel(PromoteModelRequest request, StreamObserver<ModelInfo> response) {
    Calls.unary(
        response,
        () -> {
          if (request.getVersion().isEmpty()) {
            throw new InvalidFieldException("version", "is required");
          }
          return toProto(promote.promote(new PromoteModelCommand(version(request.getVersion()))).active());
        });
  }

  @Override
  public void rollbackModel(RollbackModelRequest request, StreamObserver<ModelInfo> response) {
    Calls.unary(response, () -> toProto(rollback.rollback(RollbackModelCommand.toPrevious()).active()));
  }

  private static ModelVersion version(String value) {
    return RequestFields.modelVersion(value, "version");
  }

  private ModelInfo toProto(ModelRecord model) {
    return toProto(model, producers());
  }

  /** The job that produced each model: the recorded job whose result it is. */
  private Map<ModelVersion, JobId> producers() {
    Map<ModelVersion, JobId> producers = new HashMap<>();
    for (TrainingJob job : jobs.list()) {
      job.result().ifPresent(version -> producers.put(version, job.id()));
    }
    return producers;
  }

  private static ModelInfo toProto(ModelRecord model, Map<ModelVersion, JobId> producers) {
    var provenance =
        ModelProvenance.newBuilder()
            .setDataWindow(EngagementMapper.toProto(model.provenance().dataWindow()))
            .setSeed(model.provenance().seed())
            .putAllHyperparameters(model.provenance().hyperparameters())
            .putAllMetrics(model.provenance().metrics())
            .setChecksum("sha256:" + model.checksum())
            .setTaskSet(TaskSetMapper.toProto(model.tasks()));
    model.provenance().fineTunedFrom().ifPresent(parent -> provenance.setParentVersion(parent.value()));
    Optional.ofNullable(producers.get(model.version()))
        .ifPresent(job -> provenance.setJobId(job.value()));
    ModelInfo.Builder info =
        ModelInfo.newBuilder()
            .setVersion(model.version().value())
            .setStatus(ModelStatus.valueOf(model.status().name()))
            .setCreatedAt(Timestamps.toProto(model.createdAt()))
            .setProvenance(provenance);
    model.activatedAt().ifPresent(at -> info.setActivatedAt(Timestamps.toProto(at)));
    return info.build();
  }
}
