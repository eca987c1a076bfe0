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
import java.util.List;
import java.util.Objects;

/** {@code mmq.v1.ModelService}: list, get, promote and roll back models. */
final class ModelGrpcService extends ModelServiceGrpc.ModelServiceImplBase {
  private final ListModelsUseCase list;
  private final GetModelUseCase get;
  private final PromoteModelUseCase promote;
  private final RollbackModelUseCase rollback;

  @Inject
  ModelGrpcService(
      ListModelsUseCase list,
      GetModelUseCase get,
      PromoteModelUseCase promote,
      RollbackModelUseCase rollback) {
    this.list = Objects.requireNonNull(list, "list is null");
    this.get = Objects.requireNonNull(get, "get is null");
    this.promote = Objects.requireNonNull(promote, "promote is null");
    this.rollback = Objects.requireNonNull(rollback, "rollback is null");
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
          page.slice(all).forEach(model -> builder.addModels(toProto(model)));
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

  static ModelInfo toProto(ModelRecord model) {
    var provenance =
        ModelProvenance.newBuilder()
            .setDataWindow(EngagementMapper.toProto(model.provenance().dataWindow()))
            .setSeed(model.provenance().seed())
            .putAllHyperparameters(model.provenance().hyperparameters())
            .putAllMetrics(model.provenance().metrics())
            .setChecksum("sha256:" + model.checksum())
            .setTaskSet(TaskSetMapper.toProto(model.tasks()));
    model.provenance().fineTunedFrom().ifPresent(parent -> provenance.setParentVersion(parent.value()));
    return ModelInfo.newBuilder()
        .setVersion(model.version().value())
        .setStatus(ModelStatus.valueOf(model.status().name()))
        .setCreatedAt(Timestamps.toProto(model.createdAt()))
        .setProvenance(provenance)
        .build();
  }
}
