package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.port.in.RecordEngagementCommand;
import io.mmq.core.engagement.port.in.RecordEngagementUseCase;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.port.in.IngestResourcesCommand;
import io.mmq.core.resource.port.in.IngestResourcesUseCase;
import io.mmq.grpc.mapping.JsonLines;
import io.mmq.grpc.mapping.RequestLimits;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code mmq import}: reads R17 JSON Lines of resources and/or engagement, stores the good lines in
 * batches and reports every bad line with its number and field path. Exits 0 when every line was
 * stored, 2 when some were rejected (the rest is stored).
 */
@Command(name = "import", description = "Import resources and engagement from JSON Lines (R17).")
final class ImportCommand extends AppCommand {
  static final int PARTIAL = 2;
  private static final int BATCH = 500;
  private static final int MAX_LISTED_ERRORS = 100;

  @Option(names = "--resources", paramLabel = "R.jsonl", description = "Resources, one JSON object a line.")
  Path resources;

  @Option(names = "--engagement", paramLabel = "E.jsonl", description = "Engagement records, one JSON object a line.")
  Path engagement;

  @Override
  int run(Application app) throws Exception {
    if (resources == null && engagement == null) {
      throw new ParameterException(spec.commandLine(), "give --resources, --engagement or both");
    }
    Map<String, Object> report = importFiles(app, resources, engagement, err());
    if (json) {
      printJson(report);
    } else {
      report.forEach((k, v) -> out().println(k + ": " + v));
    }
    return rejected(report) == 0 ? 0 : PARTIAL;
  }

  /** Imports either file or both (null = absent); the report has one summary per file. */
  static Map<String, Object> importFiles(Application app, Path resources, Path engagement, java.io.PrintWriter progress)
      throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    if (resources != null) {
      IngestResourcesUseCase ingest = app.get(IngestResourcesUseCase.class);
      RequestLimits limits = app.get(RequestLimits.class);
      report.put("resources", importFile(resources, "resources",
          (reader, sink) -> JsonLines.readResources(reader, limits, sink),
          batch -> ingest.ingest(new IngestResourcesCommand(batch)), Resource::id, progress).summary());
    }
    if (engagement != null) {
      RecordEngagementUseCase record = app.get(RecordEngagementUseCase.class);
      report.put("engagement", importFile(engagement, "engagement", JsonLines::readEngagement,
          batch -> record.record(new RecordEngagementCommand(batch)), r -> List.of(r.resourceId(), r.window()), progress)
          .summary());
    }
    return report;
  }

  /** How many lines an import report says were rejected. */
  static long rejected(Map<String, Object> report) {
    long rejected = 0;
    for (Object summary : report.values()) {
      rejected += ((Number) ((Map<?, ?>) summary).get("rejected")).longValue();
    }
    return rejected;
  }

  interface LineReader<T> {
    void read(BufferedReader reader, Consumer<JsonLines.Line<T>> sink);
  }

  private static <T> FileImport<T> importFile(
      Path file, String what, LineReader<T> reader, Consumer<List<T>> store, java.util.function.Function<T, Object> key,
      java.io.PrintWriter err) throws Exception {
    FileImport<T> state = new FileImport<>(what, store, key, err);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      reader.read(in, state::accept);
    }
    state.flush();
    err.printf("%s: %d lines read, %d stored, %d rejected%n", what, state.read, state.stored, state.rejected);
    return state;
  }

  /** Batches the parsed lines of one file; a key repeated in the file rejects the later line. */
  private static final class FileImport<T> {
    final String what;
    final Consumer<List<T>> store;
    final java.util.function.Function<T, Object> key;
    final java.io.PrintWriter progress;
    final List<T> batch = new ArrayList<>();
    final java.util.Map<Object, Long> seen = new java.util.HashMap<>();
    final List<String> errors = new ArrayList<>();
    long read;
    long stored;
    int rejected;

    FileImport(String what, Consumer<List<T>> store, java.util.function.Function<T, Object> key, java.io.PrintWriter progress) {
      this.what = what;
      this.store = store;
      this.key = key;
      this.progress = progress;
    }

    void accept(JsonLines.Line<T> line) {
      read++;
      if (line instanceof JsonLines.Rejected<T> bad) {
        reject(bad.toString());
      } else if (line instanceof JsonLines.Parsed<T> parsed) {
        Long first = seen.putIfAbsent(key.apply(parsed.value()), parsed.number());
        if (first != null) {
          reject("line " + parsed.number() + ": repeats line " + first);
          return;
        }
        batch.add(parsed.value());
        if (batch.size() >= BATCH) {
          flush();
        }
      }
      if (read % 10_000 == 0) {
        progress.printf("%s: %d lines...%n", what, read);
        progress.flush();
      }
    }

    private void reject(String message) {
      rejected++;
      if (errors.size() < MAX_LISTED_ERRORS) {
        errors.add(message);
      }
      progress.println(what + ": " + message);
    }

    void flush() {
      if (!batch.isEmpty()) {
        store.accept(List.copyOf(batch));
        stored += batch.size();
        batch.clear();
      }
    }

    Map<String, Object> summary() {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("read", read);
      summary.put("stored", stored);
      summary.put("rejected", rejected);
      summary.put("errors", errors);
      return summary;
    }
  }
}
