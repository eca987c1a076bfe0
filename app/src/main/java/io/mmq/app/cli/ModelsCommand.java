package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.ListModelsUseCase;
import io.mmq.core.registry.port.in.ModelChange;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.registry.port.in.PromoteModelUseCase;
import io.mmq.core.registry.port.in.RollbackModelCommand;
import io.mmq.core.registry.port.in.RollbackModelUseCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code mmq models [list | promote VERSION | rollback]}. */
@Command(name = "models", description = "List models (default), promote VERSION, or rollback to the previous one.")
final class ModelsCommand extends AppCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "list, promote or rollback")
  String action = "list";

  @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION")
  String version;

  @Override
  int run(Application app) {
    switch (action) {
      case "list" -> {
        List<ModelRecord> models = app.get(ListModelsUseCase.class).list();
        if (json) {
          List<Object> list = new ArrayList<>();
          models.forEach(model -> list.add(describe(model)));
          printJson(Map.of("models", list));
        } else if (models.isEmpty()) {
          out().println("no models yet: train one with `mmq train --from A --to B`");
        } else {
          models.forEach(m -> out().printf("%-40s %-9s trained on %s%n", m.version(), m.status(), m.provenance().dataWindow()));
        }
      }
      case "promote" -> {
        if (version == null) {
          throw new ParameterException(spec.commandLine(), "promote needs a VERSION (see `mmq models`)");
        }
        report(app.get(PromoteModelUseCase.class).promote(new PromoteModelCommand(ModelVersion.of(version))));
      }
      case "rollback" -> report(app.get(RollbackModelUseCase.class).rollback(
          version == null ? RollbackModelCommand.toPrevious() : RollbackModelCommand.to(ModelVersion.of(version))));
      default -> throw new ParameterException(spec.commandLine(), "unknown action '" + action + "': list, promote or rollback");
    }
    return 0;
  }

  private void report(ModelChange change) {
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("previous", change.previous().map(ModelVersion::value).orElse(null));
      result.put("active", change.active().version().value());
      result.put("changed", change.changed());
      printJson(result);
    } else {
      out().println("active model: " + change.active().version()
          + change.previous().map(p -> " (was " + p + ")").orElse(""));
    }
  }

  static Map<String, Object> describe(ModelRecord model) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", model.version().value());
    m.put("status", model.status().name());
    m.put("createdAt", model.createdAt().toString());
    m.put("tasks", model.tasks().names().stream().map(Object::toString).toList());
    m.put("dataWindow", Map.of("from", model.provenance().dataWindow().start().toString(),
        "to", model.provenance().dataWindow().end().toString()));
    m.put("seed", model.provenance().seed());
    m.put("checksum", model.checksum());
    m.put("metrics", new java.util.TreeMap<>(model.provenance().metrics()));
    return m;
  }
}
