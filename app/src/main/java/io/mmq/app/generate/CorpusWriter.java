package io.mmq.app.generate;

import com.google.protobuf.util.JsonFormat;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.resource.model.Resource;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.ResourceMapper;
import io.mmq.grpc.mapping.TaskSetMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a {@link Corpus} into a directory (created if needed; files of the same name are replaced)
 * in the R17 exchange format:
 *
 * <ul>
 *   <li>{@value #RESOURCES}: one proto3-JSON {@code Resource} per line, images as base64;
 *   <li>{@value #ENGAGEMENT}: one proto3-JSON {@code EngagementRecord} per line;
 *   <li>{@value #TASKS}: the {@code TaskSet} as one JSON document;
 *   <li>{@value #TRUTH}: the hidden truth, see {@link TruthLines}.
 * </ul>
 *
 * UTF-8, {@code \n} line ends, map keys sorted: the same corpus always gives the same bytes.
 */
public final class CorpusWriter {
  public static final String RESOURCES = "resources.jsonl";
  public static final String ENGAGEMENT = "engagement.jsonl";
  public static final String TASKS = "tasks.json";
  public static final String TRUTH = "truth.jsonl";

  private static final JsonFormat.Printer LINE =
      JsonFormat.printer().omittingInsignificantWhitespace().sortingMapKeys();
  private static final JsonFormat.Printer DOCUMENT = JsonFormat.printer().sortingMapKeys();

  private CorpusWriter() {}

  /** Generates the corpus of {@code config} and writes it into {@code directory}. */
  public static CorpusSummary generate(GeneratorConfig config, Path directory) throws IOException {
    return write(new CorpusGenerator(config).generate(), directory);
  }

  public static CorpusSummary write(Corpus corpus, Path directory) throws IOException {
    Objects.requireNonNull(corpus, "corpus is null");
    Objects.requireNonNull(directory, "directory is null");
    Files.createDirectories(directory);
    Path resources = directory.resolve(RESOURCES);
    Path engagement = directory.resolve(ENGAGEMENT);
    Path tasks = directory.resolve(TASKS);
    Path truth = directory.resolve(TRUTH);

    try (Writer out = Files.newBufferedWriter(resources, StandardCharsets.UTF_8)) {
      for (Resource resource : corpus.resources()) {
        line(out, LINE.print(ResourceMapper.toProto(resource)));
      }
    }
    try (Writer out = Files.newBufferedWriter(engagement, StandardCharsets.UTF_8)) {
      for (EngagementRecord record : corpus.engagement()) {
        line(out, LINE.print(EngagementMapper.toProto(record)));
      }
    }
    try (Writer out = Files.newBufferedWriter(tasks, StandardCharsets.UTF_8)) {
      line(out, DOCUMENT.print(TaskSetMapper.toProto(corpus.tasks())));
    }
    try (Writer out = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
      for (ArticleTruth article : corpus.truth()) {
        line(out, TruthLines.format(article));
      }
    }

    long bytes =
        Files.size(resources) + Files.size(engagement) + Files.size(tasks) + Files.size(truth);
    int underExposed = 0;
    int high = 0;
    int withImages = 0;
    int images = 0;
    int chinese = 0;
    for (ArticleTruth article : corpus.truth()) {
      underExposed += article.underExposed() ? 1 : 0;
      high += article.quality() == QualityClass.HIGH ? 1 : 0;
      withImages += article.images() > 0 ? 1 : 0;
      images += article.images();
      chinese += Lexicon.CHINESE.code().equals(article.language()) ? 1 : 0;
    }
    return new CorpusSummary(
        directory,
        resources,
        engagement,
        tasks,
        truth,
        bytes,
        corpus.windows(),
        corpus.resources().size(),
        corpus.engagement().size(),
        underExposed,
        high,
        withImages,
        images,
        chinese);
  }

  private static void line(Writer out, String json) throws IOException {
    out.write(json);
    out.write('\n');
  }
}
