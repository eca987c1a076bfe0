package io.mmq.core.classification.port.out;

import io.mmq.core.registry.model.ModelArtifact;

/** Turns a stored artifact into a loaded model ready for inference. */
public interface QualityModelLoader {
  QualityModel load(ModelArtifact artifact);
}
