package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertBadField;
import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.proto.v1.Adjustment;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ClassifyResponse;
import io.mmq.proto.v1.ClassifyResult;
import io.mmq.proto.v1.ContentBlock;
import io.mmq.proto.v1.Image;
import io.mmq.proto.v1.Label;
import io.mmq.proto.v1.QualityClass;
import io.mmq.proto.v1.RankedItem;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankOptions;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.RerankResponse;
import io.mmq.proto.v1.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassifyAndRerankGrpcTest {
  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void beforeAnyModelClassifyAndRerankSayToTrainOrPromote() {
    Corpus.load(h);

    Status classify = statusOf(() -> h.classification.classify(ids("g-1")));
    Status rerank =
        statusOf(
            () ->
                h.recommendation.rerank(
                    RerankRequest.newBuilder().addCandidates(candidate("g-1", 1.0)).build()));

    for (Status status : new Status[] {classify, rerank}) {
      assertThat(status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(status.getDescription()).contains("train").contains("promote");
    }
  }

  @Test
  void classifyPredictsCataloguedAndInlineResourcesWithTheActiveModel() {
    String model = Corpus.loadAndTrain(h);
    Resource inline = Corpus.resource("new-1", "great story");

    ClassifyResponse response =
        h.classification.classify(
            ids("g-1", "p-1").toBuilder()
                .addItems(ClassifyItem.newBuilder().setResource(inline))
                .build());

    assertThat(response.getModelVersion()).isEqualTo(model);
    assertThat(response.getResultsList())
        .extracting(ClassifyResult::getId, ClassifyResult::getQuality)
        .containsExactly(
            tuple("g-1", QualityClass.HIGH),
            tuple("p-1", QualityClass.LOW),
            tuple("new-1", QualityClass.HIGH));
    ClassifyResult great = response.getResults(0);
    assertThat(great.getTasksMap()).containsOnlyKeys("ctr", "dwell");
    assertThat(great.getTasksOrThrow("ctr").getLabel()).isEqualTo(Label.POSITIVE);
    assertThat(great.getTasksOrThrow("ctr").getProbability()).isGreaterThan(0.5);
    assertThat(response.getResults(1).getTasksOrThrow("ctr").getProbability()).isLessThan(0.5);
  }

  @Test
  void anUnknownIdIsNotFoundUnlessMissingOnesAreAllowed() {
    Corpus.loadAndTrain(h);

    Status unknown = statusOf(() -> h.classification.classify(ids("g-1", "nope")));
    ClassifyResponse allowed =
        h.classification.classify(ids("g-1", "nope").toBuilder().setAllowMissing(true).build());

    assertThat(unknown.getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(unknown.getDescription()).contains("nope");
    assertThat(allowed.getResultsList())
        .extracting(ClassifyResult::getId, ClassifyResult::getMissing, ClassifyResult::getQuality)
        .containsExactly(
            tuple("g-1", false, QualityClass.HIGH),
            tuple("nope", true, QualityClass.QUALITY_UNSPECIFIED));
  }

  @Test
  void malformedAndOversizedClassifyRequestsNameTheField() {
    Corpus.loadAndTrain(h);
    Resource emptyBlock =
        Corpus.resource("x", "t").toBuilder()
            .setBlocks(0, ContentBlock.getDefaultInstance())
            .build();
    Resource bigImage =
        Corpus.resource("x", "t").toBuilder()
            .setBlocks(
                0,
                ContentBlock.newBuilder()
                    .setImage(
                        Image.newBuilder()
                            .setData(
                                ByteString.copyFrom(new byte[ResourceMapper.MAX_IMAGE_BYTES + 1]))))
            .build();
    ClassifyRequest.Builder tooMany = ClassifyRequest.newBuilder();
    for (int i = 0; i <= ClassifyResourcesCommand.MAX_RESOURCES; i++) {
      tooMany.addItems(ClassifyItem.newBuilder().setResourceId("r-" + i));
    }

    assertInvalid(() -> h.classification.classify(ClassifyRequest.getDefaultInstance()), "items");
    assertInvalid(
        () ->
            h.classification.classify(
                ids("g-1").toBuilder().addItems(ClassifyItem.getDefaultInstance()).build()),
        "items[1]");
    assertInvalid(() -> h.classification.classify(ids("g-1", "")), "items[1].resourceId");
    assertInvalid(() -> h.classification.classify(ids("g-1", "g-1")), "items[1]");
    assertInvalid(
        () ->
            h.classification.classify(
                ClassifyRequest.newBuilder()
                    .addItems(ClassifyItem.newBuilder().setResource(emptyBlock))
                    .build()),
        "items[0].resource.blocks[0]");
    assertBadField(
        () ->
            h.classification.classify(
                ClassifyRequest.newBuilder()
                    .addItems(ClassifyItem.newBuilder().setResource(bigImage))
                    .build()),
        Status.Code.RESOURCE_EXHAUSTED,
        "items[0].resource.blocks[0].image.data");
    assertBadField(
        () -> h.classification.classify(tooMany.build()), Status.Code.RESOURCE_EXHAUSTED, "items");
  }

  @Test
  void rerankBoostsHighAndDemotesLowQualityAndCanFilterIt() {
    String model = Corpus.loadAndTrain(h);
    RerankRequest request =
        RerankRequest.newBuilder()
            .addCandidates(candidate("p-1", 1.0))
            .addCandidates(candidate("g-1", 0.9))
            .build();

    RerankResponse ranked = h.recommendation.rerank(request);
    RerankResponse filtered =
        h.recommendation.rerank(
            request.toBuilder()
                .setOptions(RerankOptions.newBuilder().setFilterLowQuality(true))
                .build());

    assertThat(ranked.getModelVersion()).isEqualTo(model);
    assertThat(ranked.getItemsList())
        .extracting(RankedItem::getId, RankedItem::getAdjustment, RankedItem::getRequestIndex)
        .containsExactly(tuple("g-1", Adjustment.BOOSTED, 1), tuple("p-1", Adjustment.DEMOTED, 0));
    assertThat(ranked.getItems(0).getFinalScore())
        .isCloseTo(0.9 * 1.2, within(1e-12)); // default boost 1.2
    assertThat(ranked.getItems(1).getFinalScore())
        .isCloseTo(1.0 * 0.8, within(1e-12)); // default demotion 0.8
    assertThat(filtered.getItemsList()).extracting(RankedItem::getId).containsExactly("g-1");
    assertThat(filtered.getFilteredList())
        .extracting(RankedItem::getId, RankedItem::getAdjustment)
        .containsExactly(tuple("p-1", Adjustment.FILTERED));
  }

  @Test
  void malformedRerankRequestsNameTheField() {
    Corpus.loadAndTrain(h);
    RerankRequest ok = RerankRequest.newBuilder().addCandidates(candidate("g-1", 1.0)).build();

    assertInvalid(() -> h.recommendation.rerank(RerankRequest.getDefaultInstance()), "candidates");
    assertInvalid(
        () -> h.recommendation.rerank(ok.toBuilder().addCandidates(candidate("p-1", -1)).build()),
        "candidates[1].baseScore");
    assertInvalid(
        () ->
            h.recommendation.rerank(
                ok.toBuilder().addCandidates(RerankCandidate.newBuilder().setBaseScore(1)).build()),
        "candidates[1]");
    assertInvalid(
        () ->
            h.recommendation.rerank(
                ok.toBuilder().setOptions(RerankOptions.newBuilder().setBoost(0.5)).build()),
        "options.boost");
    assertInvalid(
        () ->
            h.recommendation.rerank(
                ok.toBuilder().setOptions(RerankOptions.newBuilder().setDemotion(2)).build()),
        "options.demotion");
    assertThat(
            statusOf(
                    () ->
                        h.recommendation.rerank(
                            ok.toBuilder().addCandidates(candidate("nope", 1)).build()))
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  private static ClassifyRequest ids(String... ids) {
    var request = ClassifyRequest.newBuilder();
    for (String id : ids) {
      request.addItems(ClassifyItem.newBuilder().setResourceId(id));
    }
    return request.build();
  }

  private static RerankCandidate candidate(String id, double score) {
    return RerankCandidate.newBuilder().setResourceId(id).setBaseScore(score).build();
  }
}
