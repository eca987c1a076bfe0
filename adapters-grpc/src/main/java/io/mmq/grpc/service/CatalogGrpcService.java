package io.mmq.grpc.service;

import io.grpc.stub.StreamObserver;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.engagement.port.in.RecordEngagementUseCase;
import io.mmq.core.engagement.port.in.ListEngagementUseCase;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.in.GetResourceUseCase;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.resource.port.in.IngestResourcesUseCase;
import io.mmq.core.task.port.in.GetTaskSetUseCase;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.task.port.in.SetTaskSetUseCase;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.InvalidFieldException;
import io.mmq.grpc.mapping.RequestLimits;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.grpc.mapping.TaskSetMapper;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.GetResourceRequest;
import io.mmq.proto.v1.GetTaskSetRequest;
import io.mmq.proto.v1.ListEngagementRequest;
import io.mmq.proto.v1.ListEngagementResponse;
import io.mmq.proto.v1.RecordEngagementRequest;
import io.mmq.proto.v1.SetTaskSetRequest;
import io.mmq.proto.v1.TaskSet;
import io.mmq.proto.v1.UpsertResourcesRequest;
import io.mmq.proto.v1.UpsertSummary;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code mmq.v1.CatalogService}: resources, engagement and the task set. */
final class CatalogGrpcService extends CatalogServiceGrpc.CatalogServiceImplBase {
  private final IngestResourcesUseCase ingest;
  private final RecordEngagementUseCase recordEngagement;
  private final GetResourceUseCase getResource;
  private final ListEngagementUseCase listEngagement;
  private final GetTaskSetUseCase getTaskSet;
  private final SetTaskSetUseCase setTaskSet;
  private final int maxListedErrors;
  private final RequestLimits limits;

  @Inject
  CatalogGrpcService(
      IngestResourcesUseCase ingest,
      RecordEngagementUseCase recordEngagement,
      GetResourceUseCase getResource,
      ListEngagementUseCase listEngagement,
      GetTaskSetUseCase getTaskSet,
      SetTaskSetUseCase setTaskSet,
      RequestLimits limits) {
    this.ingest = Objects.requireNonNull(ingest, "ingest is null");
    this.recordEngagement = Objects.requireNonNull(recordEngagement, "recordEngagement is null");
    this.getResource = Objects.requireNonNull(getResource, "getResource is null");
    this.listEngagement = Objects.requireNonNull(listEngagement, "listEngagement is null");
    this.getTaskSet = Objects.requireNonNull(getTaskSet, "getTaskSet is null");
    this.setTaskSet = Objects.requireNonNull(setTaskSet, "setTaskSet is null");
    this.maxListedErrors = 100;
    this.limits = Objects.requireNonNull(limits, "limits is null");
  }

  @Override
  public StreamObserver<UpsertResourcesRequest> upsertResources(StreamObserver<UpsertSummary> response) {
    return new BatchUpload<UpsertResourcesRequest, io.mmq.proto.v1.Resource, Resource>(
        response, maxListedErrors, "resources") {
      @Override
      List<io.mmq.proto.v1.Resource> items(UpsertResourcesRequest request) {
        return request.getResourcesList();
      }

      @Override
      Resource map(io.mmq.proto.v1.Resource item) {
        return ResourceMapper.toDomain(item, limits);
      }

      @Override
      Object key(Resource value) {
        return value.id();
      }

      @Override
      String id(io.mmq.proto.v1.Resource item) {
        return item.getId();
      }

      @Override
      void store(List<Resource> values) {
        ingest.ingest(new IngestResourcesCommand(values));
      }
    };
  }

  @Override
  public StreamObserver<RecordEngagementRequest> recordEngagement(StreamObserver<UpsertSummary> response) {
    return new BatchUpload<RecordEngagementRequest, io.mmq.proto.v1.EngagementRecord, EngagementRecord>(
        response, maxListedErrors, "records") {
      @Override
      List<io.mmq.proto.v1.EngagementRecord> items(RecordEngagementRequest request) {
        return request.getRecordsList();
      }

      @Override
      EngagementRecord map(io.mmq.proto.v1.EngagementRecord item) {
        return EngagementMapper.toDomain(item);
      }

      @Override
      Object key(EngagementRecord value) {
        return List.of(value.resourceId(), value.window());
      }

      @Override
      String id(io.mmq.proto.v1.EngagementRecord item) {
        return item.getResourceId();
      }

      @Override
      void store(List<EngagementRecord> values) {
        recordEngagement.record(new RecordEngagementCommand(values));
      }
    };
  }

  @Override
  public void getResource(GetResourceRequest request, StreamObserver<io.mmq.proto.v1.Resource> response) {
    Calls.unary(response, () -> ResourceMapper.toProto(getResource.get(RequestFields.resourceId(request.getId(), "id"))));
  }

  @Override
  public void getTaskSet(GetTaskSetRequest request, StreamObserver<TaskSet> response) {
    Calls.unary(response, () -> TaskSetMapper.toProto(getTaskSet.current()));
  }

  @Override
  public void setTaskSet(SetTaskSetRequest request, StreamObserver<TaskSet> response) {
    Calls.unary(
        response,
        () -> {
          if (!request.hasTaskSet()) {
            throw new InvalidFieldException("taskSet", "is required");
          }
          var tasks = RequestFields.mapUnder("taskSet", () -> TaskSetMapper.toDomain(request.getTaskSet()));
          return TaskSetMapper.toProto(setTaskSet.set(new SetTaskSetCommand(tasks)));
        });
  }

  @Override
  public void listEngagement(ListEngagementRequest request, StreamObserver<ListEngagementResponse> response) {
    Calls.unary(
        response,
        () -> {
          ResourceId id = RequestFields.resourceId(request.getResourceId(), "resourceId");
          Optional<TimeWindow> window =
              request.hasWindow()
                  ? Optional.of(EngagementMapper.window(request.getWindow(), "window"))
                  : Optional.empty();
          Paging page = Paging.of(request.getPageSize(), request.getPageToken());
          List<EngagementRecord> all =
              listEngagement.list(id).stream()
                  .filter(record -> window.isEmpty() || window.get().encloses(record.window()))
                  .toList();
          var builder = ListEngagementResponse.newBuilder().setNextPageToken(page.nextToken(all.size()));
          page.slice(all).forEach(record -> builder.addRecords(EngagementMapper.toProto(record)));
          return builder.build();
        });
  }

}
