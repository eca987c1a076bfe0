package io.mmq.app;

import io.grpc.stub.StreamObserver;
import io.mmq.app.generate.Corpus;
import io.mmq.app.generate.CorpusGenerator;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.grpc.mapping.TaskSetMapper;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.RecordEngagementRequest;
import io.mmq.proto.v1.SetTaskSetRequest;
import io.mmq.proto.v1.UpsertResourcesRequest;
import io.mmq.proto.v1.UpsertSummary;

/**
 * Sends a generated corpus to a server the way a client would: the generator's task set, then the
 * resources (50 a message) and the engagement records through the catalogue's client streams.
 */
final class CorpusUpload {
  /** The servers' summaries of the two uploads. */
  record Summaries(UpsertSummary resources, UpsertSummary engagement) {}

  private CorpusUpload() {}

  static Summaries upload(
      Corpus corpus,
      CatalogServiceGrpc.CatalogServiceBlockingStub blocking,
      CatalogServiceGrpc.CatalogServiceStub streaming)
      throws Exception {
    blocking.setTaskSet(
        SetTaskSetRequest.newBuilder().setTaskSet(TaskSetMapper.toProto(CorpusGenerator.TASKS)).build());
    Collected<UpsertSummary> resources = new Collected<>();
    StreamObserver<UpsertResourcesRequest> upload = streaming.upsertResources(resources);
    for (int from = 0; from < corpus.resources().size(); from += 50) {
      var request = UpsertResourcesRequest.newBuilder();
      corpus.resources().subList(from, Math.min(corpus.resources().size(), from + 50))
          .forEach(r -> request.addResources(ResourceMapper.toProto(r)));
      upload.onNext(request.build());
    }
    upload.onCompleted();
    Collected<UpsertSummary> engagement = new Collected<>();
    StreamObserver<RecordEngagementRequest> records = streaming.recordEngagement(engagement);
    var request = RecordEngagementRequest.newBuilder();
    corpus.engagement().forEach(r -> request.addRecords(EngagementMapper.toProto(r)));
    records.onNext(request.build());
    records.onCompleted();
    return new Summaries(resources.get(), engagement.get());
  }
}
