package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.recommendation.model.RankedItem;
import io.mmq.core.recommendation.policy.ReweightingPolicy;
import io.mmq.core.recommendation.port.in.RerankCandidate;
import io.mmq.core.recommendation.port.in.RerankCandidatesResult;
import io.mmq.core.recommendation.port.in.RerankCommand;
import io.mmq.core.recommendation.port.in.RerankUseCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code mmq rerank ID=SCORE...}: re-weights catalogued candidates by quality (R7). */
@Command(name = "rerank", description = "Re-weight candidates by quality: mmq rerank a-1=0.9 a-2=0.8 ... [--filter-low-quality].")
final class RerankCandidatesCommand extends AppCommand {
  @Parameters(paramLabel = "ID=SCORE", arity = "1..*", description = "A catalogued resource and the recommender's base score (>= 0).")
  List<String> candidates;

  @Option(names = "--boost", paramLabel = "X", description = "Multiplier of HIGH quality (default: rerank.boost).")
  Double boost;

  @Option(names = "--demotion", paramLabel = "X", description = "Multiplier of LOW quality (default: rerank.demotion).")
  Double demotion;

  @Option(names = "--filter-low-quality", description = "Drop LOW quality candidates.")
  boolean filter;

  @Override
  int run(Application app) {
    List<RerankCandidate> parsed = new ArrayList<>();
    for (String candidate : candidates) {
      int eq = candidate.lastIndexOf('=');
      if (eq <= 0 || eq == candidate.length() - 1) {
        throw new ParameterException(spec.commandLine(), "'" + candidate + "' is not ID=SCORE");
      }
      double score;
      try {
        score = Double.parseDouble(candidate.substring(eq + 1));
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "score of '" + candidate + "' is not a number");
      }
      parsed.add(RerankCandidate.byId(candidate.substring(0, eq), score));
    }
    ReweightingPolicy configured = app.get(ReweightingPolicy.class);
    ReweightingPolicy policy = new ReweightingPolicy(
        boost != null ? boost : configured.boost(),
        demotion != null ? demotion : configured.demotion(),
        filter || configured.filterLowQuality());
    RerankCandidatesResult result = app.get(RerankUseCase.class).rerank(new RerankCommand(parsed, Optional.of(policy)));
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("modelVersion", result.modelVersion().value());
      report.put("items", result.result().ranked().stream().map(RerankCandidatesCommand::describe).toList());
      report.put("filtered", result.result().filtered().stream().map(RerankCandidatesCommand::describe).toList());
      printJson(report);
    } else {
      result.result().ranked().forEach(item -> out().printf("%-24s %8.4f  %s%n", item.id(), item.finalScore(), item.reason()));
      result.result().filtered().forEach(item -> out().printf("%-24s filtered  %s%n", item.id(), item.reason()));
    }
    return 0;
  }

  private static Map<String, Object> describe(RankedItem item) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", item.id().value());
    m.put("baseScore", item.baseScore());
    m.put("finalScore", item.finalScore());
    m.put("quality", item.quality().map(Enum::name).orElse(null));
    m.put("reason", item.reason());
    m.put("position", item.originalPosition());
    return m;
  }
}
