package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.resource.model.Resource;
import io.mmq.grpc.mapping.JsonLines;
import io.mmq.grpc.mapping.TaskSetMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusWriterTest {
  @TempDir Path temp;

  @Test
  void writesTheFourFilesIntoANewDirectoryAndSummarisesThem() throws IOException {
    Corpus corpus = SampleCorpus.get();
    Path directory = temp.resolve("nested/corpus");

    CorpusSummary summary = CorpusWriter.write(corpus, directory);

    assertThat(summary.files())
        .containsExactly(
            directory.resolve("resources.jsonl"),
            directory.resolve("engagement.jsonl"),
            directory.resolve("tasks.json"),
            directory.resolve("truth.jsonl"));
    long bytes = 0;
    for (Path file : summary.files()) {
      assertThat(file).isRegularFile();
      bytes += Files.size(file);
    }
    assertThat(summary.bytes()).isEqualTo(bytes);
    assertThat(summary.articles()).isEqualTo(600);
    assertThat(summary.engagementRecords()).isEqualTo(600);
    assertThat(summary.windows()).isEqualTo(corpus.windows());
    long high = corpus.truth().stream().filter(t -> t.quality() == QualityClass.HIGH).count();
    assertThat(summary.highArticles()).isEqualTo(high);
    assertThat(summary.highShare()).isEqualTo(high / 600.0);
    assertThat(summary.images())
        .isEqualTo(corpus.resources().stream().mapToInt(r -> r.images().size()).sum());
    assertThat(summary.chineseArticles())
        .isEqualTo(corpus.resources().stream().filter(r -> r.language().equals("zh")).count());
    assertThat(summary.underExposed())
        .isEqualTo(corpus.engagement().stream().filter(r -> !r.isReliable(100)).count())
        .isPositive();
    // 48x48 pictures keep an article below 5 kB on average
    assertThat(Files.size(summary.resourcesFile())).isLessThan(600 * 5_000L);
  }

  @Test
  void theWrittenJsonLinesReadBackIntoTheSameValuesWithoutARejectedLine() throws IOException {
    Corpus corpus = SampleCorpus.get();
    CorpusSummary summary = CorpusWriter.write(corpus, temp);

    List<JsonLines.Line<Resource>> resources = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(summary.resourcesFile())) {
      JsonLines.readResources(reader, resources::add);
    }
    List<JsonLines.Line<EngagementRecord>> engagement = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(summary.engagementFile())) {
      JsonLines.readEngagement(reader, engagement::add);
    }

    assertThat(resources)
        .hasSize(600)
        .allSatisfy(line -> assertThat(line).isInstanceOf(JsonLines.Parsed.class));
    assertThat(engagement)
        .hasSize(600)
        .allSatisfy(line -> assertThat(line).isInstanceOf(JsonLines.Parsed.class));
    assertThat(resources.stream().map(line -> ((JsonLines.Parsed<Resource>) line).value()))
        .containsExactlyElementsOf(corpus.resources());
    assertThat(engagement.stream().map(line -> ((JsonLines.Parsed<EngagementRecord>) line).value()))
        .containsExactlyElementsOf(corpus.engagement());

    String tasks = Files.readString(summary.tasksFile(), StandardCharsets.UTF_8);
    io.mmq.proto.v1.TaskSet proto = JsonLines.parse(tasks, io.mmq.proto.v1.TaskSet::newBuilder);
    assertThat(TaskSetMapper.toDomain(proto)).isEqualTo(corpus.tasks());

    try (BufferedReader reader = Files.newBufferedReader(summary.truthFile())) {
      assertThat(TruthLines.read(reader)).isEqualTo(corpus.truth());
    }
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
    GeneratorConfig config = SampleCorpus.CONFIG.withArticles(60).withSeed(99);

    CorpusSummary first = CorpusWriter.generate(config, temp.resolve("first"));
    CorpusSummary second = CorpusWriter.generate(config, temp.resolve("second"));
    CorpusSummary other = CorpusWriter.generate(config.withSeed(100), temp.resolve("other"));

    for (int i = 0; i < first.files().size(); i++) {
      assertThat(Files.readAllBytes(second.files().get(i)))
          .isEqualTo(Files.readAllBytes(first.files().get(i)));
    }
    assertThat(Files.readAllBytes(other.resourcesFile()))
        .isNotEqualTo(Files.readAllBytes(first.resourcesFile()));
    assertThat(Files.readAllBytes(other.engagementFile()))
        .isNotEqualTo(Files.readAllBytes(first.engagementFile()));
    assertThat(Files.readAllBytes(other.truthFile()))
        .isNotEqualTo(Files.readAllBytes(first.truthFile()));
  }

  @Test
  void eachResourceAndEngagementLineIsOneCompactJsonObject() throws IOException {
    CorpusSummary summary = CorpusWriter.generate(SampleCorpus.CONFIG.withArticles(20), temp);

    List<String> lines = Files.readAllLines(summary.resourcesFile(), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(20);
    assertThat(lines.get(0)).startsWith("{\"id\":\"a-00001\",\"title\":").endsWith("}");
    assertThat(Files.readAllLines(summary.engagementFile(), StandardCharsets.UTF_8).get(0))
        .startsWith("{\"resourceId\":\"a-00001\",\"windowStart\":\"2026-01-05T00:00:00Z\"")
        // map keys sorted, so the bytes do not depend on a JVM's hash order
        .containsPattern(
            "\"metrics\":\\{\"bounce\":[0-9.]+,\"comment_rate\":[0-9.]+,\"ctr\":[0-9.]+,"
                + "\"dwell\":[0-9.]+}")
        .doesNotContain(" ");
  }
}
