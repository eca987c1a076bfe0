package io.mmq.grpc.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.port.in.DeriveLabelsCommand;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.training.port.in.TrainModelCommand;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.Images;
import io.mmq.grpc.mapping.RequestLimits;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.grpc.mapping.TaskSetMapper;
import io.mmq.grpc.server.GrpcServer;
import io.mmq.proto.v1.CancelJobRequest;
import io.mmq.proto.v1.CatalogServiceGrpc;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.ClassifyRequest;
import io.mmq.proto.v1.ContentBlock;
import io.mmq.proto.v1.DeriveLabelsRequest;
import io.mmq.proto.v1.Direction;
import io.mmq.proto.v1.EngagementRecord;
import io.mmq.proto.v1.GetJobRequest;
import io.mmq.proto.v1.GetResourceRequest;
import io.mmq.proto.v1.Hyperparameters;
import io.mmq.proto.v1.Image;
import io.mmq.proto.v1.ItemError;
import io.mmq.proto.v1.JobState;
import io.mmq.proto.v1.ListEngagementRequest;
import io.mmq.proto.v1.ListJobsRequest;
import io.mmq.proto.v1.ModelServiceGrpc;
import io.mmq.proto.v1.Paragraph;
import io.mmq.proto.v1.PromoteModelRequest;
import io.mmq.proto.v1.Publisher;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.RecordEngagementRequest;
import io.mmq.proto.v1.RerankCandidate;
import io.mmq.proto.v1.RerankOptions;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.SetTaskSetRequest;
import io.mmq.proto.v1.Task;
import io.mmq.proto.v1.TrainRequest;
import io.mmq.proto.v1.TrainingServiceGrpc;
import io.mmq.proto.v1.UpsertResourcesRequest;
import io.mmq.proto.v1.UpsertSummary;
import io.mmq.proto.v1.ValidateRequest;
import io.mmq.proto.v1.Video;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R20 over gRPC: one row per malformed request, each with the status it must get (code, the exact
 * field path of the {@code google.rpc.BadRequest} detail, a message fragment); upload streams
 * complete and list the bad item with its field path instead. Every row is run against the same
 * server, whose catalogue, engagement, labels, task set, models, jobs and validation runs are
 * compared before and after: nothing may change. The limits are lowered from the defaults (see
 * {@link #LIMITS}) to show that the configured values are the ones enforced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputGrpcTest {
  /** Title 200 characters, block text 5,000, image 64 KiB / 1 MP / 2,000 px, 50 per request. */
  static final RequestLimits LIMITS = new RequestLimits(200, 5_000, 64 * 1024, 1_000_000, 2_000, 50);

  private static final String INVALID = "INVALID_ARGUMENT";
  private static final String OVERSIZED = "RESOURCE_EXHAUSTED";
  private static final String NOT_FOUND = "NOT_FOUND";
  /** Upload items listed in the summary's errors with their code (the stream itself completes). */
  private static final String ITEM_INVALID = "item INVALID_ARGUMENT";
  private static final String ITEM_OVERSIZED = "item RESOURCE_EXHAUSTED";

  private final TestCore core = new TestCore();
  private final String name = InProcessServerBuilder.generateName();
  private GrpcServer server;
  private ManagedChannel channel;
  private Stubs stubs;
  private String activeModel;

  /** The stubs a row calls. */
  record Stubs(
      CatalogServiceGrpc.CatalogServiceBlockingStub catalog,
      CatalogServiceGrpc.CatalogServiceStub catalogAsync,
      ClassificationServiceGrpc.ClassificationServiceBlockingStub classification,
      RecommendationServiceGrpc.RecommendationServiceBlockingStub recommendation,
      ModelServiceGrpc.ModelServiceBlockingStub models,
      TrainingServiceGrpc.TrainingServiceBlockingStub training,
      String activeModel) {}

  /** What a call answered: a status code (or an upload's rejected item), field path and message. */
  record Answer(String code, String field, String message) {}

  /** One row: the call and the answer it must get. */
  record Row(Function<Stubs, Answer> call, String code, String field, String fragment) {}

  @BeforeAll
  void serveACatalogueWithAnActiveModel() {
    server =
        new GrpcServer(InProcessServerBuilder.forName(name), core.services(LIMITS), List.of())
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
    TaskSet tasks = TaskSetMapper.toDomain(Corpus.TASKS);
    core.taskSets.set(new SetTaskSetCommand(tasks));
    List<Resource> resources =
        Stream.concat(
                Corpus.GREAT.stream().map(id -> Corpus.resource(id, "great story")),
                Corpus.POOR.stream().map(id -> Corpus.resource(id, "poor story")))
            .map(ResourceMapper::toDomain)
            .toList();
    core.catalog.ingest(new IngestResourcesCommand(resources));
    TimeWindow day1 = EngagementMapper.window(Corpus.DAY_1, "window");
    List<io.mmq.core.engagement.model.EngagementRecord> records =
        Stream.concat(
                Corpus.GREAT.stream().map(id -> Corpus.record(id, Corpus.DAY_1, 0.05, 60)),
                Corpus.POOR.stream().map(id -> Corpus.record(id, Corpus.DAY_1, 0.01, 10)))
            .map(EngagementMapper::toDomain)
            .toList();
    new io.mmq.core.engagement.service.RecordEngagementService(core.ports.engagements)
        .record(new RecordEngagementCommand(records));
    new io.mmq.core.label.service.DeriveLabelsService(
            core.ports.engagements,
            core.ports.labels,
            core.ports.taskSets,
            io.mmq.core.label.policy.LabelDerivationPolicy.STANDARD)
        .derive(new DeriveLabelsCommand(day1));
    ModelRecord model =
        core.training
            .train(TrainModelCommand.of(day1, Corpus.seedHoldingOutBothKinds()), TrainingObserver.NONE)
            .model()
            .orElseThrow();
    activeModel = model.version().value();
    stubs =
        new Stubs(
            CatalogServiceGrpc.newBlockingStub(channel),
            CatalogServiceGrpc.newStub(channel),
            ClassificationServiceGrpc.newBlockingStub(channel),
            RecommendationServiceGrpc.newBlockingStub(channel),
            ModelServiceGrpc.newBlockingStub(channel),
            TrainingServiceGrpc.newBlockingStub(channel),
            activeModel);
  }

  @AfterAll
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  static Stream<Named<Row>> rows() {
    return Stream.of(
        // Classify
        unary("Classify: no items", INVALID, "items", "give at least one item",
            s -> s.classification().classify(ClassifyRequest.getDefaultInstance())),
        unary("Classify: more items than limits.max-resources-per-request", OVERSIZED, "items", "51 items; at most 50 allowed",
            s -> s.classification().classify(ids(51))),
        unary("Classify: an item with neither id nor resource", INVALID, "items[1]", "give resourceId or resource",
            s -> s.classification().classify(ids(1).toBuilder().addItems(ClassifyItem.getDefaultInstance()).build())),
        unary("Classify: blank resource id", INVALID, "items[0].resourceId", "is required",
            s -> s.classification().classify(classify("  "))),
        unary("Classify: the same id twice", INVALID, "items[1]", "appears twice",
            s -> s.classification().classify(ClassifyRequest.newBuilder().addItems(id("g-1")).addItems(id("g-1")).build())),
        unary("Classify: an unknown id", NOT_FOUND, "", "r-unknown",
            s -> s.classification().classify(classify("r-unknown"))),
        unary("Classify: inline resource without id", INVALID, "items[0].resource.id", "is required",
            s -> s.classification().classify(inline(resource("").build()))),
        unary("Classify: inline id over 256 characters", INVALID, "items[0].resource.id", "256",
            s -> s.classification().classify(inline(resource("x".repeat(257)).build()))),
        unary("Classify: title over limits.max-title-chars", OVERSIZED, "items[0].resource.title", "201 characters; at most 200",
            s -> s.classification().classify(inline(resource("x").setTitle("t".repeat(201)).build()))),
        unary("Classify: paragraph over limits.max-block-text-chars", OVERSIZED, "items[0].resource.blocks[0].paragraph.text", "at most 5000",
            s -> s.classification().classify(inline(resource("x").addBlocks(paragraph("p".repeat(5_001))).build()))),
        unary("Classify: more than 100 tags", OVERSIZED, "items[0].resource.tags", "101 entries",
            s -> s.classification().classify(inline(resource("x").addAllTags(java.util.Collections.nCopies(101, "t")).build()))),
        unary("Classify: image over limits.max-image-bytes", OVERSIZED, "items[0].resource.blocks[0].image.data", "at most 65536 allowed",
            s -> s.classification().classify(inline(withImage(new byte[64 * 1024 + 1])))),
        unary("Classify: decompression bomb (50000 x 50000 header)", OVERSIZED, "items[0].resource.blocks[0].image.data", "at most 2000 pixels per side",
            s -> s.classification().classify(inline(withImage(Images.pngHeader(50_000, 50_000))))),
        unary("Classify: image over limits.max-image-pixels", OVERSIZED, "items[0].resource.blocks[0].image.data", "at most 1000000 pixels",
            s -> s.classification().classify(inline(withImage(Images.pngHeader(1_500, 1_000))))),
        unary("Classify: image bytes that are no JPEG or PNG", INVALID, "items[0].resource.blocks[0].image.data", "not a decodable JPEG or PNG",
            s -> s.classification().classify(inline(withImage("GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))),
        unary("Classify: image with neither data nor embedding", INVALID, "items[0].resource.blocks[0].image", "needs data or an embedding",
            s -> s.classification().classify(inline(resource("x").addBlocks(ContentBlock.newBuilder().setImage(Image.getDefaultInstance())).build()))),
        unary("Classify: NaN in an image embedding", INVALID, "items[0].resource.blocks[0].image.embedding[1]", "finite",
            s -> s.classification().classify(inline(resource("x").addBlocks(ContentBlock.newBuilder().setImage(Image.newBuilder().addEmbedding(0.1f).addEmbedding(Float.NaN))).build()))),
        unary("Classify: an empty content block", INVALID, "items[0].resource.blocks[0]", "a block needs one of",
            s -> s.classification().classify(inline(resource("x").addBlocks(ContentBlock.getDefaultInstance()).build()))),
        unary("Classify: negative video duration", INVALID, "items[0].resource.blocks[0].video.durationSeconds", ">= 0",
            s -> s.classification().classify(inline(resource("x").addBlocks(ContentBlock.newBuilder().setVideo(Video.newBuilder().setDurationSeconds(-1))).build()))),
        unary("Classify: NaN numeric attribute", INVALID, "items[0].resource.numericAttributes[\"views\"]", "finite",
            s -> s.classification().classify(inline(resource("x").putNumericAttributes("views", Double.NaN).build()))),
        unary("Classify: infinite publisher attribute", INVALID, "items[0].resource.publisher.attributes[\"reach\"]", "finite",
            s -> s.classification().classify(inline(resource("x").setPublisher(Publisher.newBuilder().setId("p").putAttributes("reach", Double.POSITIVE_INFINITY)).build()))),
        unary("Classify: negative publisher followers", INVALID, "items[0].resource.publisher.followers", "negative",
            s -> s.classification().classify(inline(resource("x").setPublisher(Publisher.newBuilder().setId("p").setFollowers(-1)).build()))),
        unary("Classify: publisher verticality above 1", INVALID, "items[0].resource.publisher.verticality", "[0, 1]",
            s -> s.classification().classify(inline(resource("x").setPublisher(Publisher.newBuilder().setId("p").setVerticality(1.5)).build()))),
        unary("Classify: publishedAt beyond year 9999", INVALID, "items[0].resource.publishedAt", "not a valid timestamp",
            s -> s.classification().classify(inline(resource("x").setPublishedAt(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build()))),
        // Rerank
        unary("Rerank: more candidates than limits.max-resources-per-request", OVERSIZED, "candidates", "51 items; at most 50 allowed",
            s -> s.recommendation().rerank(candidates(51))),
        unary("Rerank: NaN base score", INVALID, "candidates[0].baseScore", "finite",
            s -> s.recommendation().rerank(RerankRequest.newBuilder().addCandidates(RerankCandidate.newBuilder().setResourceId("g-1").setBaseScore(Double.NaN)).build())),
        unary("Rerank: negative base score", INVALID, "candidates[0].baseScore", ">= 0",
            s -> s.recommendation().rerank(RerankRequest.newBuilder().addCandidates(RerankCandidate.newBuilder().setResourceId("g-1").setBaseScore(-1)).build())),
        unary("Rerank: boost below 1", INVALID, "options.boost", "must be in [1,",
            s -> s.recommendation().rerank(candidates(1).toBuilder().setOptions(RerankOptions.newBuilder().setBoost(0.5)).build())),
        unary("Rerank: oversized inline candidate title", OVERSIZED, "candidates[0].resource.title", "at most 200",
            s -> s.recommendation().rerank(RerankRequest.newBuilder().addCandidates(RerankCandidate.newBuilder().setResource(resource("x").setTitle("t".repeat(201))).setBaseScore(1)).build())),
        // Task set
        unary("SetTaskSet: no task set", INVALID, "taskSet", "is required",
            s -> s.catalog().setTaskSet(SetTaskSetRequest.getDefaultInstance())),
        unary("SetTaskSet: empty task set", INVALID, "taskSet.tasks", "at least one task",
            s -> s.catalog().setTaskSet(taskSet(io.mmq.proto.v1.TaskSet.getDefaultInstance()))),
        unary("SetTaskSet: unspecified direction", INVALID, "taskSet.tasks[0].direction", "HIGHER_IS_BETTER or LOWER_IS_BETTER",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr").setDirection(Direction.DIRECTION_UNSPECIFIED))))),
        unary("SetTaskSet: direction value unknown to the schema (7)", INVALID, "taskSet.tasks[0].direction", "HIGHER_IS_BETTER or LOWER_IS_BETTER",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr").setDirectionValue(7))))),
        unary("SetTaskSet: reference value unknown to the schema (9)", INVALID, "taskSet.tasks[0].reference", "MEAN or MEDIAN",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr").setReferenceValue(9))))),
        unary("SetTaskSet: duplicate task names", INVALID, "taskSet.tasks[1].name", "appears twice",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr"), task("ctr"))))),
        unary("SetTaskSet: missing metric", INVALID, "taskSet.tasks[0].metric", "is required",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr").setMetric(""))))),
        unary("SetTaskSet: negative minImpressions", INVALID, "taskSet.tasks[0].minImpressions", "negative",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr").setMinImpressions(-1))))),
        unary("SetTaskSet: NaN weight", INVALID, "taskSet.tasks[0]", "weight",
            s -> s.catalog().setTaskSet(taskSet(tasks(task("ctr").setWeight(Double.NaN))))),
        // Labels, training, validation, jobs, models
        unary("DeriveLabels: no window", INVALID, "window", "is required",
            s -> s.training().deriveLabels(DeriveLabelsRequest.getDefaultInstance())),
        unary("DeriveLabels: window end before start", INVALID, "window.end", "must be after start",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.window("2016-06-25T00:00:00Z", "2016-06-24T00:00:00Z")).build())),
        unary("DeriveLabels: window without start", INVALID, "window.start", "is required",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1.toBuilder().clearStart()).build())),
        unary("DeriveLabels: one quality level", INVALID, "levels", "must be 0 (none) or in [2, 100], was 1",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(1).build())),
        unary("DeriveLabels: 101 quality levels", INVALID, "levels", "was 101",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(101).build())),
        unary("DeriveLabels: negative quality levels", INVALID, "levels", "was -3",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(-3).setDryRun(true).build())),
        unary("DeriveLabels: negative level width", INVALID, "levelWidth", "must be a finite number > 0 (0 = 1.0), was -0.5",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(3).setLevelWidth(-0.5).build())),
        unary("DeriveLabels: NaN level width", INVALID, "levelWidth", "was NaN",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(3).setLevelWidth(Double.NaN).build())),
        unary("DeriveLabels: infinite level width", INVALID, "levelWidth", "was Infinity",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevels(3).setLevelWidth(Double.POSITIVE_INFINITY).build())),
        unary("DeriveLabels: a level width without levels", INVALID, "levelWidth", "goes with levels",
            s -> s.training().deriveLabels(DeriveLabelsRequest.newBuilder().setWindow(Corpus.DAY_1).setLevelWidth(0.5).build())),
        unary("Train: no window", INVALID, "window", "is required",
            s -> TrainGrpcTest.drain(s.training().train(TrainRequest.getDefaultInstance()))),
        unary("Train: validationFraction above 0.9", INVALID, "hyperparameters.validationFraction", "at most 0.9",
            s -> TrainGrpcTest.drain(s.training().train(Corpus.train(Corpus.DAY_1, 2).toBuilder().setHyperparameters(Hyperparameters.newBuilder().setValidationFraction(0.95)).build()))),
        unary("Train: replayFraction (a Validate option)", INVALID, "hyperparameters.replayFraction", "not supported by Train",
            s -> TrainGrpcTest.drain(s.training().train(Corpus.train(Corpus.DAY_1, 2).toBuilder().setHyperparameters(Hyperparameters.newBuilder().setReplayFraction(0.5)).build()))),
        unary("Train: fine-tune from an unknown model", NOT_FOUND, "", "m-none",
            s -> TrainGrpcTest.drain(s.training().train(Corpus.train(Corpus.DAY_1, 2).toBuilder().setFineTuneFrom("m-none").build()))),
        unary("Validate: a threshold override", INVALID, "accuracyThreshold", "not supported",
            s -> s.training().validate(ValidateRequest.newBuilder().setWindow(Corpus.DAY_1).setAccuracyThreshold(0.9).build())),
        unary("Validate: update of a given model version", INVALID, "update", "must be false",
            s -> s.training().validate(ValidateRequest.newBuilder().setWindow(Corpus.DAY_1).setUpdate(true).setModelVersion(s.activeModel()).build())),
        unary("GetJob: empty job id", INVALID, "jobId", "is required",
            s -> s.training().getJob(GetJobRequest.getDefaultInstance())),
        unary("CancelJob: an unknown job", NOT_FOUND, "", "job-none",
            s -> s.training().cancelJob(CancelJobRequest.newBuilder().setJobId("job-none").build())),
        unary("ListJobs: state UNSPECIFIED", INVALID, "state", "must be QUEUED, RUNNING",
            s -> s.training().listJobs(ListJobsRequest.newBuilder().setState(JobState.JOB_STATE_UNSPECIFIED).build())),
        unary("ListEngagement: a page token the server did not issue", INVALID, "pageToken", "",
            s -> s.catalog().listEngagement(ListEngagementRequest.newBuilder().setResourceId("g-1").setPageToken("forged").build())),
        unary("ListEngagement: negative page size", INVALID, "pageSize", "negative",
            s -> s.catalog().listEngagement(ListEngagementRequest.newBuilder().setResourceId("g-1").setPageSize(-1).build())),
        unary("GetResource: empty id", INVALID, "id", "is required",
            s -> s.catalog().getResource(GetResourceRequest.getDefaultInstance())),
        unary("PromoteModel: empty version", INVALID, "version", "is required",
            s -> s.models().promoteModel(PromoteModelRequest.getDefaultInstance())),
        unary("PromoteModel: an unknown version", NOT_FOUND, "", "m-none",
            s -> s.models().promoteModel(PromoteModelRequest.newBuilder().setVersion("m-none").build())),
        // Upload streams: the bad item is listed, the stream completes
        upload("UpsertResources: missing id", ITEM_INVALID, "resources[0].id", "is required", 0, resource("").build()),
        upload("UpsertResources: title over limits.max-title-chars", ITEM_OVERSIZED, "resources[0].title", "at most 200", 0, resource("n-1").setTitle("t".repeat(201)).build()),
        upload("UpsertResources: decompression bomb", ITEM_OVERSIZED, "resources[0].blocks[0].image.data", "pixels per side", 0, withImage(Images.pngHeader(60_000, 60_000)).toBuilder().setId("n-1").build()),
        upload("UpsertResources: image bytes that are no JPEG or PNG", ITEM_INVALID, "resources[0].blocks[0].image.data", "not a decodable", 0, withImage(new byte[] {1, 2, 3}).toBuilder().setId("n-1").build()),
        upload("UpsertResources: the same id twice in one batch (the first, unchanged, is kept)", ITEM_INVALID, "resources[1]", "repeats an earlier item", 1, Corpus.resource("g-1", "great story"), Corpus.resource("g-1", "great story")),
        record("RecordEngagement: missing resourceId", ITEM_INVALID, "records[0].resourceId", "is required", 0, Corpus.record("", Corpus.DAY_2, 0.05, 60)),
        record("RecordEngagement: NaN metric", ITEM_INVALID, "records[0].metrics[\"ctr\"]", "finite", 0, Corpus.record("g-1", Corpus.DAY_2, Double.NaN, 60)),
        record("RecordEngagement: infinite metric", ITEM_INVALID, "records[0].metrics[\"dwell\"]", "finite", 0, Corpus.record("g-1", Corpus.DAY_2, 0.05, Double.POSITIVE_INFINITY)),
        record("RecordEngagement: negative metric", ITEM_INVALID, "records[0].metrics[\"ctr\"]", "negative", 0, Corpus.record("g-1", Corpus.DAY_2, -0.05, 60)),
        record("RecordEngagement: negative impressions", ITEM_INVALID, "records[0].impressions", "negative", 0, Corpus.record("g-1", Corpus.DAY_2, 0.05, 60).toBuilder().setImpressions(-1).build()),
        record("RecordEngagement: windowEnd before windowStart", ITEM_INVALID, "records[0].windowEnd", "must be after windowStart", 0,
            Corpus.record("g-1", Corpus.DAY_2, 0.05, 60).toBuilder().setWindowEnd(Corpus.timestamp("2016-06-24T00:00:00Z")).build()),
        record("RecordEngagement: missing windowStart", ITEM_INVALID, "records[0].windowStart", "is required", 0, Corpus.record("g-1", Corpus.DAY_2, 0.05, 60).toBuilder().clearWindowStart().build()),
        record("RecordEngagement: 65 metrics (more than 64)", ITEM_OVERSIZED, "records[0].metrics", "65 entries; at most 64", 0, manyMetrics(63)),
        record("RecordEngagement: the same resource and window twice (the first, unchanged, is kept)", ITEM_INVALID, "records[1]", "repeats an earlier item", 1,
            Corpus.record("g-1", Corpus.DAY_1, 0.05, 60), Corpus.record("g-1", Corpus.DAY_1, 0.05, 60)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachMalformedRequestGetsAPreciseErrorAndStoresNothing(Row row) {
    Snapshot before = Snapshot.of(core);

    Answer answer = row.call().apply(stubs);

    assertThat(answer.code()).as(answer.toString()).isEqualTo(row.code());
    assertThat(answer.field()).as(answer.toString()).isEqualTo(row.field());
    assertThat(answer.message()).as(answer.toString()).contains(row.fragment());
    if (!row.field().isEmpty() && !row.code().startsWith("item ")) {
      assertThat(answer.message()).as("the description starts with the field").startsWith(row.field() + ": ");
    }
    assertThat(Snapshot.of(core)).as("nothing stored").isEqualTo(before);
  }

  /** Everything the services can write, compared as values. */
  record Snapshot(
      List<Resource> resources,
      long engagement,
      List<TimeWindow> labelWindows,
      TaskSet taskSet,
      List<ModelRecord> models,
      int jobs,
      int validationRuns) {
    static Snapshot of(TestCore core) {
      return new Snapshot(
          core.ports.resources.all(),
          core.ports.engagements.count(),
          core.ports.labels.windows(),
          core.ports.taskSets.current(),
          core.ports.registry.list(),
          core.ports.jobs.list().size(),
          core.ports.validationRuns.list().size());
    }
  }

  private static Named<Row> unary(
      String name, String code, String field, String fragment, java.util.function.Consumer<Stubs> call) {
    return Named.of(
        name,
        new Row(
            s -> {
              StatusRuntimeException e =
                  catchThrowableOfType(StatusRuntimeException.class, () -> call.accept(s));
              assertThat(e).as("the call should fail").isNotNull();
              List<com.google.rpc.BadRequest.FieldViolation> violations =
                  io.grpc.protobuf.StatusProto.fromThrowable(e) == null
                      ? List.of()
                      : GrpcHarness.violations(e);
              assertThat(violations).as("at most one violation").hasSizeLessThanOrEqualTo(1);
              return new Answer(
                  e.getStatus().getCode().name(),
                  violations.isEmpty() ? "" : violations.get(0).getField(),
                  String.valueOf(e.getStatus().getDescription()));
            },
            code,
            field,
            fragment));
  }

  private static Named<Row> upload(
      String name, String code, String field, String fragment, int accepted, io.mmq.proto.v1.Resource... resources) {
    UpsertResourcesRequest message =
        UpsertResourcesRequest.newBuilder().addAllResources(List.of(resources)).build();
    return item(
        name, code, field, fragment, accepted,
        s -> Corpus.stream(s.catalogAsync()::upsertResources, List.of(message)));
  }

  private static Named<Row> record(
      String name, String code, String field, String fragment, int accepted, EngagementRecord... records) {
    RecordEngagementRequest message =
        RecordEngagementRequest.newBuilder().addAllRecords(List.of(records)).build();
    return item(
        name, code, field, fragment, accepted,
        s -> Corpus.stream(s.catalogAsync()::recordEngagement, List.of(message)));
  }

  /** An upload whose one bad item is listed; {@code accepted} items are stored. */
  private static Named<Row> item(
      String name, String code, String field, String fragment, int accepted, Function<Stubs, UpsertSummary> upload) {
    return Named.of(
        name,
        new Row(
            s -> {
              UpsertSummary summary = upload.apply(s);
              assertThat(summary.getAccepted()).as(summary.toString()).isEqualTo(accepted);
              assertThat(summary.getRejected()).as(summary.toString()).isEqualTo(1);
              ItemError error = summary.getErrors(0);
              return new Answer("item " + error.getCode().name(), error.getFieldPath(), error.getMessage());
            },
            code,
            field,
            fragment));
  }

  private static io.mmq.proto.v1.Resource.Builder resource(String id) {
    return io.mmq.proto.v1.Resource.newBuilder().setId(id).setTitle("a title");
  }

  private static io.mmq.proto.v1.Resource withImage(byte[] data) {
    return resource("x")
        .addBlocks(ContentBlock.newBuilder().setImage(Image.newBuilder().setData(ByteString.copyFrom(data))))
        .build();
  }

  private static ContentBlock paragraph(String text) {
    return ContentBlock.newBuilder().setParagraph(Paragraph.newBuilder().setText(text)).build();
  }

  private static ClassifyItem id(String id) {
    return ClassifyItem.newBuilder().setResourceId(id).build();
  }

  private static ClassifyRequest classify(String id) {
    return ClassifyRequest.newBuilder().addItems(id(id)).build();
  }

  private static ClassifyRequest ids(int count) {
    ClassifyRequest.Builder request = ClassifyRequest.newBuilder();
    for (int i = 0; i < count; i++) {
      request.addItems(id("g-" + (i + 1)));
    }
    return request.build();
  }

  private static ClassifyRequest inline(io.mmq.proto.v1.Resource resource) {
    return ClassifyRequest.newBuilder().addItems(ClassifyItem.newBuilder().setResource(resource)).build();
  }

  private static RerankRequest candidates(int count) {
    RerankRequest.Builder request = RerankRequest.newBuilder();
    for (int i = 0; i < count; i++) {
      request.addCandidates(RerankCandidate.newBuilder().setResourceId("g-" + (i + 1)).setBaseScore(1));
    }
    return request.build();
  }

  private static SetTaskSetRequest taskSet(io.mmq.proto.v1.TaskSet tasks) {
    return SetTaskSetRequest.newBuilder().setTaskSet(tasks).build();
  }

  private static io.mmq.proto.v1.TaskSet tasks(Task.Builder... tasks) {
    io.mmq.proto.v1.TaskSet.Builder set = io.mmq.proto.v1.TaskSet.newBuilder();
    for (Task.Builder task : tasks) {
      set.addTasks(task);
    }
    return set.build();
  }

  private static Task.Builder task(String name) {
    return Task.newBuilder().setName(name).setMetric(name).setDirection(Direction.HIGHER_IS_BETTER);
  }

  /** A record with ctr, dwell and {@code count} more metrics. */
  private static EngagementRecord manyMetrics(int count) {
    EngagementRecord.Builder record = Corpus.record("g-1", Corpus.DAY_2, 0.05, 60).toBuilder();
    for (int i = 0; i < count; i++) {
      record.putMetrics("m" + i, 1);
    }
    return record.build();
  }
}
