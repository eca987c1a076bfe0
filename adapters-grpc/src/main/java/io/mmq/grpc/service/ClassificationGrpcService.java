package io.mmq.grpc.service;

import io.grpc.stub.StreamObserver;
import io.mmq.core.classification.model.TaskPrediction;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.resource.port.in.GetResourceUseCase;
import io.mmq.grpc.mapping.InvalidFieldException;
import io.mmq.grpc.mapping.RequestLimits;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import io.mmq.proto.v1.ClassifyResult;
import io.mmq.proto.v1.Label;
import io.mmq.proto.v1.QualityClass;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code mmq.v1.ClassificationService}: per-task predictions and the quality class. */
final class ClassificationGrpcService extends ClassificationServiceGrpc.ClassificationServiceImplBase {
  private final ClassifyResourcesUseCase classify;
  private final GetResourceUseCase getResource;
  private final RequestLimits limits;

  ClassificationGrpcService(ClassifyResourcesUseCase classify, GetResourceUseCase getResource) {
    this(classify, getResource, RequestLimits.DEFAULT);
  }

  @Inject
  ClassificationGrpcService(
      ClassifyResourcesUseCase classify, GetResourceUseCase getResource, RequestLimits limits) {
    this.classify = Objects.requireNonNull(classify, "classify is null");
    this.getResource = Objects.requireNonNull(getResource, "getResource is null");
    this.limits = Objects.requireNonNull(limits, "limits is null");
  }

  @Override
  public void classify(ClassifyRequest request, StreamObserver<ClassifyResponse> response) {
    Calls.unary(response, () -> classify(request));
  }

  private ClassifyResponse classify(ClassifyRequest request) {
    List<ResourceRef> refs = refs(request.getItemsList(), "items", request.getAllowMissing());
    List<ResourceRef> present = new ArrayList<>();
    for (ResourceRef ref : refs) {
      if (ref != null) {
        present.add(ref);
      }
    }
    var builder = ClassifyResponse.newBuilder();
    ClassifyResourcesResult result =
        present.isEmpty()
            ? null
            : classify.classify(new ClassifyResourcesCommand(present), GrpcCaller.current());
    if (result != null) {
      builder.setModelVersion(result.modelVersion().value());
    }
    int next = 0;
    for (int i = 0; i < refs.size(); i++) {
      if (refs.get(i) == null) {
        builder.addResults(
            ClassifyResult.newBuilder().setId(request.getItems(i).getResourceId()).setMissing(true));
      } else {
        builder.addResults(toProto(result.results().get(next++)));
      }
    }
    return builder.build();
  }

  /**
   * Maps request items to references; with {@code allowMissing}, ids not in the catalogue become
   * null entries instead of failing the call.
   */
  List<ResourceRef> refs(List<ClassifyItem> items, String field, boolean allowMissing) {
    if (items.isEmpty()) {
      throw new InvalidFieldException(field, "give at least one item");
    }
    if (items.size() > limits.maxResourcesPerRequest()) {
      throw InvalidFieldException.oversized(
          field, "has " + items.size() + " items; at most " + limits.maxResourcesPerRequest() + " allowed");
    }
    List<ResourceRef> refs = new ArrayList<>(items.size());
    Set<ResourceId> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = field + "[" + i + "]";
      ClassifyItem item = items.get(i);
      ResourceRef ref =
          switch (item.getRefCase()) {
            case RESOURCE_ID -> ResourceRef.byId(RequestFields.resourceId(item.getResourceId(), path + ".resourceId"));
            case RESOURCE -> ResourceRef.given(RequestFields.mapUnder(path + ".resource", () -> ResourceMapper.toDomain(item.getResource(), limits)));
            case REF_NOT_SET -> throw new InvalidFieldException(path, "give resourceId or resource");
          };
      if (!seen.add(ref.id())) {
        throw new InvalidFieldException(path, "resource '" + ref.id() + "' appears twice in this request");
      }
      refs.add(allowMissing && ref instanceof ResourceRef.ById && !exists(ref.id()) ? null : ref);
    }
    return refs;
  }

  private boolean exists(ResourceId id) {
    try {
      getResource.get(id);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  static ClassifyResult toProto(Classification classification) {
    var builder =
        ClassifyResult.newBuilder()
            .setId(classification.resourceId().value())
            .setQuality(QualityClass.valueOf(classification.quality().name()));
    for (Map.Entry<io.mmq.core.task.model.TaskName, TaskPrediction> task : classification.tasks().entrySet()) {
      builder.putTasks(
          task.getKey().value(),
          io.mmq.proto.v1.TaskPrediction.newBuilder()
              .setProbability(task.getValue().probability())
              .setLabel(Label.valueOf(task.getValue().label().name()))
              .build());
    }
    return builder.build();
  }
}
