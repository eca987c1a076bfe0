package io.mmq.grpc.service;

import static io.mmq.grpc.service.GrpcHarness.assertInvalid;
import static io.mmq.grpc.service.GrpcHarness.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.proto.v1.ContentBlock;
import io.mmq.proto.v1.Direction;
import io.mmq.proto.v1.EngagementRecord;
import io.mmq.proto.v1.GetResourceRequest;
import io.mmq.proto.v1.GetTaskSetRequest;
import io.mmq.proto.v1.Image;
import io.mmq.proto.v1.ItemError;
import io.mmq.proto.v1.ListEngagementRequest;
import io.mmq.proto.v1.ListEngagementResponse;
import io.mmq.proto.v1.RecordEngagementRequest;
import io.mmq.proto.v1.ReferenceStatistic;
import io.mmq.proto.v1.Resource;
import io.mmq.proto.v1.SetTaskSetRequest;
import io.mmq.proto.v1.TaskSet;
import io.mmq.proto.v1.UpsertResourcesRequest;
import io.mmq.proto.v1.UpsertSummary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogGrpcTest {
  private final GrpcHarness h = new GrpcHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void anUploadStoresTheGoodResourcesAndReportsEachBadOneWithItsIndexAndField() {
    Resource a1 = Corpus.resource("a-1", "first");
    Resource a2 = Corpus.resource("a-2", "second");
    Resource noId = Corpus.resource("", "no id");
    Resource emptyBlock =
        Corpus.resource("x-1", "empty block").toBuilder()
            .setBlocks(0, ContentBlock.getDefaultInstance())
            .build();
    Resource bigImage =
        Corpus.resource("big-1", "big").toBuilder()
            .setBlocks(
                0,
                ContentBlock.newBuilder()
                    .setImage(
                        Image.newBuilder()
                            .setData(
                                ByteString.copyFrom(new byte[ResourceMapper.MAX_IMAGE_BYTES + 1]))))
            .build();

    UpsertSummary summary =
        Corpus.upload(
            h,
            List.of(
                UpsertResourcesRequest.newBuilder()
                    .addResources(a1)
                    .addResources(noId)
                    .addResources(a2)
                    .build(),
                UpsertResourcesRequest.newBuilder()
                    .addResources(emptyBlock)
                    .addResources(a1)
                    .addResources(bigImage)
                    .build()));

    assertThat(summary.getAccepted()).isEqualTo(2);
    assertThat(summary.getRejected()).isEqualTo(4);
    assertThat(summary.getErrorsList())
        .extracting(ItemError::getIndex, ItemError::getId, ItemError::getFieldPath)
        .containsExactly(
            tuple(1, "", "resources[1].id"),
            tuple(3, "x-1", "resources[3].blocks[0]"),
            tuple(4, "a-1", "resources[4]"),
            tuple(5, "big-1", "resources[5].blocks[0].image.data"));
    assertThat(summary.getErrors(3).getMessage())
        .contains("at most " + ResourceMapper.MAX_IMAGE_BYTES);
    assertThat(h.catalog.getResource(GetResourceRequest.newBuilder().setId("a-1").build()))
        .isEqualTo(a1);
    assertThat(h.catalog.getResource(GetResourceRequest.newBuilder().setId("a-2").build()))
        .isEqualTo(a2);
    assertThat(
            statusOf(
                    () ->
                        h.catalog.getResource(GetResourceRequest.newBuilder().setId("x-1").build()))
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            statusOf(
                    () ->
                        h.catalog.getResource(
                            GetResourceRequest.newBuilder().setId("big-1").build()))
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertInvalid(() -> h.catalog.getResource(GetResourceRequest.getDefaultInstance()), "id");
  }

  @Test
  void engagementUploadsKeepTheGoodRecordsAndListEngagementFiltersAndPages() {
    EngagementRecord day1 = Corpus.record("a-1", Corpus.DAY_1, 0.03, 40);
    EngagementRecord day2 = Corpus.record("a-1", Corpus.DAY_2, 0.04, 50);
    EngagementRecord backwards =
        day1.toBuilder().setWindowEnd(Corpus.timestamp("2016-06-23T00:00:00Z")).build();
    EngagementRecord negative = Corpus.record("a-2", Corpus.DAY_1, -0.1, 40);

    UpsertSummary summary =
        Corpus.record(
            h,
            List.of(
                RecordEngagementRequest.newBuilder().addRecords(day1).addRecords(backwards).build(),
                RecordEngagementRequest.newBuilder()
                    .addRecords(negative)
                    .addRecords(day2)
                    .build()));

    assertThat(summary.getAccepted()).isEqualTo(2);
    assertThat(summary.getErrorsList())
        .extracting(ItemError::getIndex, ItemError::getFieldPath)
        .containsExactly(tuple(1, "records[1].windowEnd"), tuple(2, "records[2].metrics[\"ctr\"]"));
    ListEngagementRequest a1 = ListEngagementRequest.newBuilder().setResourceId("a-1").build();
    assertThat(h.catalog.listEngagement(a1).getRecordsList()).containsExactly(day1, day2);
    assertThat(
            h.catalog
                .listEngagement(a1.toBuilder().setWindow(Corpus.DAY_2).build())
                .getRecordsList())
        .containsExactly(day2);
    ListEngagementResponse page = h.catalog.listEngagement(a1.toBuilder().setPageSize(1).build());
    assertThat(page.getRecordsList()).containsExactly(day1);
    assertThat(
            h.catalog
                .listEngagement(
                    a1.toBuilder().setPageSize(1).setPageToken(page.getNextPageToken()).build())
                .getRecordsList())
        .containsExactly(day2);
    assertThat(
            h.catalog
                .listEngagement(ListEngagementRequest.newBuilder().setResourceId("none").build())
                .getRecordsCount())
        .isZero();
    assertInvalid(
        () -> h.catalog.listEngagement(ListEngagementRequest.getDefaultInstance()), "resourceId");
    assertInvalid(
        () ->
            h.catalog.listEngagement(
                a1.toBuilder()
                    .setWindow(Corpus.DAY_1.toBuilder().setEnd(Corpus.DAY_1.getStart()))
                    .build()),
        "window.end");
    assertInvalid(
        () -> h.catalog.listEngagement(a1.toBuilder().setPageToken("1x").build()), "pageToken");
  }

  @Test
  void theTaskSetStartsAtTheDefaultsAndIsReplacedOnlyByAValidOne() {
    TaskSet defaults = h.catalog.getTaskSet(GetTaskSetRequest.getDefaultInstance());

    TaskSet stored =
        h.catalog.setTaskSet(SetTaskSetRequest.newBuilder().setTaskSet(Corpus.TASKS).build());

    assertThat(defaults.getTasksCount())
        .isEqualTo(6); // R3: ctr, dwell, comments, likes, shares, bounce
    assertThat(stored).isEqualTo(Corpus.TASKS);
    assertThat(h.catalog.getTaskSet(GetTaskSetRequest.getDefaultInstance())).isEqualTo(stored);
    assertInvalid(() -> h.catalog.setTaskSet(SetTaskSetRequest.getDefaultInstance()), "taskSet");
    TaskSet noDirection =
        Corpus.TASKS.toBuilder()
            .setTasks(
                1,
                Corpus.TASKS.getTasks(1).toBuilder().setDirection(Direction.DIRECTION_UNSPECIFIED))
            .build();
    assertInvalid(
        () -> h.catalog.setTaskSet(SetTaskSetRequest.newBuilder().setTaskSet(noDirection).build()),
        "taskSet.tasks[1].direction");
    TaskSet twice =
        Corpus.TASKS.toBuilder().addTasks(Corpus.task("ctr", ReferenceStatistic.MEAN, 1.0)).build();
    assertInvalid(
        () -> h.catalog.setTaskSet(SetTaskSetRequest.newBuilder().setTaskSet(twice).build()),
        "taskSet.tasks[2].name");
    assertThat(h.catalog.getTaskSet(GetTaskSetRequest.getDefaultInstance())).isEqualTo(stored);
  }
}
