package io.mmq.core.recommendation.port.in;

import io.mmq.core.recommendation.model.RerankResult;
import io.mmq.core.registry.model.ModelVersion;
import java.util.Objects;

/** The re-weighted candidates and the model version whose quality classes were used. */
public record RerankCandidatesResult(ModelVersion modelVersion, RerankResult result) {
  public RerankCandidatesResult {
    Objects.requireNonNull(modelVersion, "modelVersion is null");
    Objects.requireNonNull(result, "result is null");
  }
}
