package io.mmq.grpc.service;

import io.grpc.stub.StreamObserver;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.core.recommendation.model.RankedItem;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.port.in.RerankCandidate;
import io.mmq.core.recommendation.port.in.RerankCandidatesResult;
import io.mmq.core.recommendation.port.in.RerankCommand;
import io.mmq.core.recommendation.port.in.RerankUseCase;
import io.mmq.grpc.mapping.InvalidFieldException;
import io.mmq.proto.v1.Adjustment;
import io.mmq.proto.v1.ClassifyItem;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import io.mmq.proto.v1.RerankOptions;
import io.mmq.proto.v1.RerankRequest;
import io.mmq.proto.v1.RerankResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code mmq.v1.RecommendationService}: re-weights candidates by quality. */
final class RecommendationGrpcService extends RecommendationServiceGrpc.RecommendationServiceImplBase {
  private final RerankUseCase rerank;
  private final ClassificationGrpcService refs;
  private final ReweightingPolicy configured;

  @Inject
  RecommendationGrpcService(RerankUseCase rerank, ClassificationGrpcService refs, ReweightingPolicy configured) {
    this.rerank = Objects.requireNonNull(rerank, "rerank is null");
    this.refs = Objects.requireNonNull(refs, "refs is null");
    this.configured = Objects.requireNonNull(configured, "configured is null");
  }

  @Override
  public void rerank(RerankRequest request, StreamObserver<RerankResponse> response) {
    Calls.unary(response, () -> rerank(request));
  }

  private RerankResponse rerank(RerankRequest request) {
    List<ClassifyItem> items = new ArrayList<>(request.getCandidatesCount());
    for (var candidate : request.getCandidatesList()) {
      var item = ClassifyItem.newBuilder();
      switch (candidate.getRefCase()) {
        case RESOURCE_ID -> item.setResourceId(candidate.getResourceId());
        case RESOURCE -> item.setResource(candidate.getResource());
        case REF_NOT_SET -> { }
      }
      items.add(item.build());
    }
    List<ResourceRef> resolved = refs.refs(items, "candidates", request.getAllowMissing());
    List<RerankCandidate> present = new ArrayList<>();
    List<RankedItem> missing = new ArrayList<>();
    for (int i = 0; i < resolved.size(); i++) {
      double score = request.getCandidates(i).getBaseScore();
      if (!Double.isFinite(score) || score < 0) {
        throw new InvalidFieldException(
            "candidates[" + i + "].baseScore", "must be a finite number >= 0, was " + score);
      }
      if (resolved.get(i) == null) {
        String id = request.getCandidates(i).getResourceId();
        missing.add(new RankedItem(io.mmq.core.resource.model.ResourceId.of(id), score, score, Optional.empty(), "not catalogued: base score kept", i));
      } else {
        present.add(new RerankCandidate(resolved.get(i), score));
      }
    }
    ReweightingPolicy policy = policy(request);
    var builder = RerankResponse.newBuilder();
    List<RankedItem> ranked = new ArrayList<>(missing);
    if (!present.isEmpty()) {
      RerankCandidatesResult result =
          rerank.rerank(new RerankCommand(present, Optional.of(policy)), GrpcCaller.current());
      builder.setModelVersion(result.modelVersion().value());
      // positions inside the use case count present candidates only: map them back
      List<Integer> positions = new ArrayList<>();
      for (int i = 0; i < resolved.size(); i++) {
        if (resolved.get(i) != null) {
          positions.add(i);
        }
      }
      for (RankedItem item : result.result().ranked()) {
        ranked.add(at(item, positions.get(item.originalPosition())));
      }
      for (RankedItem item : result.result().filtered()) {
        builder.addFiltered(toProto(at(item, positions.get(item.originalPosition())), policy, true));
      }
    }
    ranked.sort(
        Comparator.comparingDouble(RankedItem::finalScore).reversed()
            .thenComparingInt(RankedItem::originalPosition));
    for (RankedItem item : ranked) {
      builder.addItems(toProto(item, policy, false));
    }
    return builder.build();
  }

  private ReweightingPolicy policy(RerankRequest request) {
    if (!request.hasOptions()) {
      return configured;
    }
    RerankOptions options = request.getOptions();
    double boost = options.hasBoost() ? options.getBoost() : configured.boost();
    double demotion = options.hasDemotion() ? options.getDemotion() : configured.demotion();
    boolean filter = options.hasFilterLowQuality() ? options.getFilterLowQuality() : configured.filterLowQuality();
    if (!Double.isFinite(boost) || boost < 1 || boost > ReweightingPolicy.MAX_BOOST) {
      throw new InvalidFieldException("options.boost", "must be in [1, " + ReweightingPolicy.MAX_BOOST + "], was " + boost);
    }
    if (!Double.isFinite(demotion) || demotion < 0 || demotion > 1) {
      throw new InvalidFieldException("options.demotion", "must be in [0, 1], was " + demotion);
    }
    return new ReweightingPolicy(boost, demotion, filter);
  }

  private static RankedItem at(RankedItem item, int position) {
    return new RankedItem(item.id(), item.baseScore(), item.finalScore(), item.quality(), item.reason(), position);
  }

  private static io.mmq.proto.v1.RankedItem toProto(RankedItem item, ReweightingPolicy policy, boolean filtered) {
    var builder =
        io.mmq.proto.v1.RankedItem.newBuilder()
            .setId(item.id().value())
            .setBaseScore(item.baseScore())
            .setFinalScore(item.finalScore())
            .setReason(item.reason())
            .setRequestIndex(item.originalPosition());
    item.quality().ifPresent(q -> builder.setQuality(io.mmq.proto.v1.QualityClass.valueOf(q.name())));
    Adjustment adjustment;
    double multiplier;
    if (filtered) {
      adjustment = Adjustment.FILTERED;
      multiplier = 0;
    } else if (item.quality().isEmpty()) {
      adjustment = Adjustment.UNCHANGED;
      multiplier = 1;
    } else if (item.quality().get() == QualityClass.HIGH) {
      adjustment = policy.boost() == 1 ? Adjustment.UNCHANGED : Adjustment.BOOSTED;
      multiplier = policy.boost();
    } else {
      adjustment = policy.demotion() == 1 ? Adjustment.UNCHANGED : Adjustment.DEMOTED;
      multiplier = policy.demotion();
    }
    return builder.setAdjustment(adjustment).setMultiplier(multiplier).build();
  }
}
