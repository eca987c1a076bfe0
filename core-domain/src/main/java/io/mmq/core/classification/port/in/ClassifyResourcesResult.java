package io.mmq.core.classification.port.in;

import io.mmq.core.registry.model.ModelVersion;
import java.util.List;
import java.util.Objects;

/** One classification per requested resource, in request order, all by the same model. */
public record ClassifyResourcesResult(ModelVersion modelVersion, List<Classification> results) {
  public ClassifyResourcesResult {
    Objects.requireNonNull(modelVersion, "modelVersion is null");
    results = List.copyOf(Objects.requireNonNull(results, "results is null"));
  }
}
