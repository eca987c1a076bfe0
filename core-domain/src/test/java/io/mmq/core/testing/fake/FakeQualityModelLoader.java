package io.mmq.core.testing.fake;

import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.registry.model.ModelArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads the artifacts of {@link FakeModelTrainer} into {@link FakeQualityModel}s; bytes that are
 * not such an artifact give {@link IllegalArgumentException}. Remembers every model it loaded so
 * tests can check loads and closes. Thread-safe.
 */
public final class FakeQualityModelLoader implements QualityModelLoader {
  private final List<FakeQualityModel> loaded = new ArrayList<>();

  @Override
  public FakeQualityModel load(ModelArtifact artifact) {
    Objects.requireNonNull(artifact, "artifact is null");
    FakeQualityModel model =
        new FakeQualityModel(FakeModelData.decode(artifact.bytes()), artifact.checksum());
    synchronized (loaded) {
      loaded.add(model);
    }
    return model;
  }

  /** Every model loaded so far, oldest first. */
  public List<FakeQualityModel> loaded() {
    synchronized (loaded) {
      return List.copyOf(loaded);
    }
  }

  public int loads() {
    synchronized (loaded) {
      return loaded.size();
    }
  }
}
