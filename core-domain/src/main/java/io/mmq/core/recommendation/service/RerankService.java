package io.mmq.core.recommendation.service;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.common.CallerState;
import io.mmq.core.recommendation.model.RerankResult;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.port.in.RerankCandidate;
import io.mmq.core.recommendation.port.in.RerankCandidatesResult;
import io.mmq.core.recommendation.port.in.RerankCommand;
import io.mmq.core.recommendation.port.in.RerankUseCase;
import io.mmq.core.resource.model.ResourceId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Classifies the candidates in one call, then applies the re-weighting policy. */
public final class RerankService implements RerankUseCase {
  private final ClassifyResourcesUseCase classify;
  private final ReweightingPolicy policy;

  public RerankService(ClassifyResourcesUseCase classify, ReweightingPolicy policy) {
    this.classify = Objects.requireNonNull(classify, "classify is null");
    this.policy = Objects.requireNonNull(policy, "policy is null");
  }

  @Override
  public RerankCandidatesResult rerank(RerankCommand command, CallerState caller) {
    Objects.requireNonNull(command, "command is null");
    Objects.requireNonNull(caller, "caller is null");
    ClassifyResourcesResult classified =
        classify.classify(
            new ClassifyResourcesCommand(
                command.candidates().stream().map(RerankCandidate::resource).toList()),
            caller);
    Map<ResourceId, QualityClass> qualities = new HashMap<>();
    for (Classification classification : classified.results()) {
      qualities.put(classification.resourceId(), classification.quality());
    }
    RerankResult result =
        command
            .policy()
            .orElse(policy)
            .rerank(
                command.candidates().stream().map(RerankCandidate::candidate).toList(), qualities);
    return new RerankCandidatesResult(classified.modelVersion(), result);
  }
}
