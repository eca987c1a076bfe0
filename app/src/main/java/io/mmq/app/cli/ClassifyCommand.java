package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.classification.port.in.Classification;
import io.mmq.core.classification.port.in.ClassifyResourcesCommand;
import io.mmq.core.classification.port.in.ClassifyResourcesResult;
import io.mmq.core.classification.port.in.ClassifyResourcesUseCase;
import io.mmq.core.classification.port.in.ResourceRef;
import io.mmq.grpc.mapping.JsonLines;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code mmq classify}: classifies resources from a JSON Lines file, or catalogued ones by id. */
@Command(name = "classify", description = "Classify resources (--resources R.jsonl, or --ids a,b,c of catalogued ones).")
final class ClassifyCommand extends AppCommand {
  @Option(names = "--resources", paramLabel = "R.jsonl", description = "Resources to classify, R17 JSON Lines.")
  Path resources;

  @Option(names = "--ids", split = ",", paramLabel = "ID", description = "Ids of catalogued resources.")
  List<String> ids;

  @Override
  int run(Application app) throws Exception {
    List<ResourceRef> refs = new ArrayList<>();
    if (resources != null) {
      List<String> errors = new ArrayList<>();
      try (BufferedReader in = Files.newBufferedReader(resources, StandardCharsets.UTF_8)) {
        JsonLines.readResources(in, line -> {
          if (line instanceof JsonLines.Parsed<io.mmq.core.resource.model.Resource> parsed) {
            refs.add(ResourceRef.given(parsed.value()));
          } else {
            errors.add(line.toString());
          }
        });
      }
      if (!errors.isEmpty()) {
        errors.forEach(err()::println);
        throw new IllegalArgumentException(errors.size() + " line(s) of " + resources + " are not valid resources; first: " + errors.get(0));
      }
    }
    if (ids != null) {
      ids.forEach(id -> refs.add(ResourceRef.byId(id)));
    }
    if (refs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give --resources FILE or --ids a,b,c");
    }
    ClassifyResourcesUseCase classify = app.get(ClassifyResourcesUseCase.class);
    List<Object> results = new ArrayList<>();
    String version = null;
    for (int from = 0; from < refs.size(); from += 1000) {
      ClassifyResourcesResult result =
          classify.classify(new ClassifyResourcesCommand(refs.subList(from, Math.min(refs.size(), from + 1000))));
      version = result.modelVersion().value();
      for (Classification c : result.results()) {
        results.add(describe(c));
        if (!json) {
          out().printf("%-24s %-4s %s%n", c.resourceId(), c.quality(), tasksText(c));
        }
      }
    }
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("modelVersion", version);
      report.put("results", results);
      printJson(report);
    }
    return 0;
  }

  static Map<String, Object> describe(Classification c) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", c.resourceId().value());
    item.put("quality", c.quality().name());
    Map<String, Object> tasks = new LinkedHashMap<>();
    c.tasks().forEach((task, p) -> {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("probability", p.probability());
      t.put("label", p.label().name());
      tasks.put(task.value(), t);
    });
    item.put("tasks", tasks);
    return item;
  }

  static String tasksText(Classification c) {
    StringBuilder text = new StringBuilder();
    c.tasks().forEach((task, p) -> text.append(String.format("%s=%.2f ", task, p.probability())));
    return text.toString().trim();
  }
}
