package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.training.model.TrainedModel;
import io.mmq.core.training.model.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R13: the artifact loads in a fresh JVM with the same predictions, and is checked on load. */
class ArtifactTest {
  private static final long TEST_SEED = 31;
  private static final int TEST_SIZE = 64;
  private static TrainedModel trained;

  @BeforeAll
  static void train() {
    trained =
        TestModels.train(
            SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 256, 32),
            SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, 64, 33),
            3,
            TestModels.brief(30),
            TrainingListener.NONE);
  }

  @Test
  void predictionsInAFreshJvmEqualThoseOfTheTrainingJvm(@TempDir Path dir) throws Exception {
    Path artifact = dir.resolve("model.zip");
    Path output = dir.resolve("predictions.txt");
    Files.write(artifact, trained.artifact().bytes());
    float[][] here;
    try (TfQualityModel model = TestModels.load(trained)) {
      here = model.inference().predict(
          ChannelSignalTest.attributes(SyntheticCorpus.generate(SyntheticCorpus.Signal.TITLE, TEST_SIZE, TEST_SEED)))
          .probabilities();
    }

    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath,
                ForkedPredictor.class.getName(),
                artifact.toString(), output.toString(), Long.toString(TEST_SEED), Integer.toString(TEST_SIZE))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    assertThat(child.exitValue()).as("child exit; log: %s", Files.readString(dir.resolve("child.log"))).isZero();

    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(TEST_SIZE);
    double maxDiff = 0;
    for (int i = 0; i < TEST_SIZE; i++) {
      String[] fields = lines.get(i).split(" ");
      for (int t = 0; t < 2; t++) {
        maxDiff = Math.max(maxDiff, Math.abs(Float.parseFloat(fields[t]) - here[i][t]));
      }
    }
    System.out.printf("fresh JVM vs training JVM: max |diff| = %.3g over %d x 2 predictions%n", maxDiff, TEST_SIZE);
    assertThat(maxDiff).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void artifactCarriesConfigurationSpecTasksMetricsAndProvenance() {
    ArtifactContents contents = ArtifactFormat.read(trained.artifact().bytes());
    assertThat(Hyperparameters.toMap(contents.config())).isEqualTo(trained.hyperparameters());
    assertThat(contents.tasks()).isEqualTo(SyntheticCorpus.TASKS);
    assertThat(contents.spec().atomic()).extracting(AtomicNormaliser::name)
        .containsExactly("a", "b", "c", "d", "followers");
    assertThat(contents.spec().atomic().get(4).kind()).isEqualTo(AtomicNormaliser.Kind.LOG_MINMAX);
    assertThat(contents.spec().categorical()).containsExactly("language", "source");
    assertThat(contents.spec().imageEmbeddingDim()).isEqualTo(8);
    assertThat(contents.metrics()).isEqualTo(trained.metrics());
    assertThat(contents.provenance())
        .containsEntry("seed", "3")
        .containsEntry("steps", "30")
        .containsEntry("trainedAt", "2026-01-02T03:04:05Z");
  }

  @Test
  void tamperedWeightsAreRejected() {
    byte[] tampered = rewrite(trained.artifact().bytes(), "weights.bin", bytes -> {
      byte[] copy = bytes.clone();
      copy[copy.length - 1] ^= 1;
      return copy;
    });
    assertThatThrownBy(() -> TestModels.load(ModelArtifact.of(tampered)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model artifact: weights.bin does not match its checksum");
  }

  @Test
  void anotherFormatVersionIsRejected() {
    byte[] future = rewriteText(trained.artifact().bytes(), "manifest.properties", s -> s.replace("formatVersion=1", "formatVersion=2"));
    assertThatThrownBy(() -> TestModels.load(ModelArtifact.of(future)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format version 2 is not supported");
  }

  @Test
  void weightsThatDoNotFitTheConfiguredNetworkAreRejected() {
    byte[] wider = rewriteText(trained.artifact().bytes(), "config.properties", s -> s.replace("embeddingDim=16", "embeddingDim=24"));
    assertThatThrownBy(() -> TestModels.load(ModelArtifact.of(wider)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model artifact: weight 'text.word_embedding' has shape [1024, 16], the network needs [1024, 24]");
  }

  @Test
  void bytesThatAreNotAnArtifactAreRejected() {
    assertThatThrownBy(() -> TestModels.load(ModelArtifact.of("not a zip".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model artifact:");
  }

  private static byte[] rewriteText(byte[] zip, String entry, UnaryOperator<String> edit) {
    return rewrite(zip, entry, b -> edit.apply(new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] rewrite(byte[] zip, String entry, UnaryOperator<byte[]> edit) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      List<String> seen = new ArrayList<>();
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        seen.add(e.getName());
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(e.getName().equals(entry) ? edit.apply(data) : data);
        out.closeEntry();
      }
      assertThat(seen).contains(entry);
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
