package io.mmq.tensorflow;

import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.policy.AttributeExtractor;
import io.mmq.core.classification.port.out.QualityModel;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.resource.model.Resource;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads an artifact written by {@link TfModelTrainer}: verifies its checksum, format, version and
 * weights' checksum, rebuilds the lean inference graph from its configuration and checks every
 * weight's name and shape against it.
 */
final class TfQualityModelLoader implements QualityModelLoader {
  private final Function<Resource, ResourceAttributes> extractor;

  @Inject
  TfQualityModelLoader() {
    this(AttributeExtractor.standard()::extract);
  }

  TfQualityModelLoader(Function<Resource, ResourceAttributes> extractor) {
    this.extractor = Objects.requireNonNull(extractor, "extractor is null");
  }

  /**
   * @throws ModelArtifact.CorruptArtifactException when the bytes do not match the checksum
   * @throws IllegalArgumentException when the artifact is not a readable model of this format
   */
  @Override
  public QualityModel load(ModelArtifact artifact) {
    return loadContents(artifact);
  }

  TfQualityModel loadContents(ModelArtifact artifact) {
    Objects.requireNonNull(artifact, "artifact is null");
    byte[] bytes = ModelArtifact.verified(artifact.bytes(), artifact.checksum()).bytes();
    return new TfQualityModel(ArtifactFormat.read(bytes), extractor);
  }
}
