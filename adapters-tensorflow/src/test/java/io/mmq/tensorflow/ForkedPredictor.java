package io.mmq.tensorflow;

import io.mmq.core.registry.model.ModelArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link ArtifactTest}: loads an artifact file, predicts a regenerated
 * synthetic test set and writes one line of probabilities per example.
 * Arguments: artifact file, output file, corpus seed, corpus size.
 */
final class ForkedPredictor {
  private ForkedPredictor() {}

  public static void main(String[] args) throws IOException {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    List<LabelledAttributes> examples =
        SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, Integer.parseInt(args[3]), Long.parseLong(args[2]));
    try (TfQualityModel model = TestModels.load(ModelArtifact.of(bytes))) {
      float[][] p = model.inference().predict(ChannelSignalTest.attributes(examples)).probabilities();
      List<String> lines = new ArrayList<>();
      for (float[] row : p) {
        lines.add(row[0] + " " + row[1]);
      }
      Files.write(Path.of(args[1]), lines);
    }
  }
}
