package io.mmq.app.cli;

import io.mmq.app.generate.CorpusSummary;
import io.mmq.app.generate.CorpusWriter;
import io.mmq.app.generate.GeneratorConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mmq generate}: writes a synthetic corpus with quality signals planted in every channel. */
@Command(name = "generate", description = "Write a synthetic corpus (resources, engagement, tasks, truth) with planted quality signals.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write resources.jsonl, engagement.jsonl, tasks.json and truth.jsonl into.")
  Path out;

  @Option(names = "--articles", paramLabel = "N", description = "Number of articles (default ${DEFAULT-VALUE}).")
  int articles = GeneratorConfig.DEFAULT.articles();

  @Option(names = "--windows", paramLabel = "N", description = "Number of daily engagement windows (default ${DEFAULT-VALUE}).")
  int windows = GeneratorConfig.DEFAULT.windows();

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default ${DEFAULT-VALUE}); the same seed writes the same bytes.")
  long seed = GeneratorConfig.DEFAULT.seed();

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CorpusSummary summary = CorpusWriter.generate(
        GeneratorConfig.DEFAULT.withArticles(articles).withWindows(windows).withSeed(seed), out);
    Map<String, Object> report = describe(summary);
    if (json) {
      spec.commandLine().getOut().println(Json.write(report));
    } else {
      spec.commandLine().getOut().printf(
          "wrote %d articles (%d high, %d with images, %d Chinese) and %d engagement records over %d windows to %s%n",
          summary.articles(), summary.highArticles(), summary.articlesWithImages(), summary.chineseArticles(),
          summary.engagementRecords(), summary.windows().size(), summary.directory());
    }
    return 0;
  }

  static Map<String, Object> describe(CorpusSummary summary) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("directory", summary.directory().toString());
    report.put("articles", summary.articles());
    report.put("highArticles", summary.highArticles());
    report.put("articlesWithImages", summary.articlesWithImages());
    report.put("images", summary.images());
    report.put("chineseArticles", summary.chineseArticles());
    report.put("engagementRecords", summary.engagementRecords());
    report.put("underExposed", summary.underExposed());
    report.put("windows", summary.windows().size());
    report.put("firstWindowStart", summary.windows().get(0).start().toString());
    report.put("lastWindowEnd", summary.windows().get(summary.windows().size() - 1).end().toString());
    report.put("bytes", summary.bytes());
    return report;
  }
}
