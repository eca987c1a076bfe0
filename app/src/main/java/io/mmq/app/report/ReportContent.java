package io.mmq.app.report;

import io.mmq.core.classification.model.ExpertUtilisation;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.validation.model.ScoredLabel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report shows: its title, the model, the window, a sentence on the evaluated set, the
 * evaluation figures, the training progress (empty when nothing was trained), per task the
 * (probability, label) pairs of the evaluated set, and the model's expert utilisation (empty for a
 * model without gates) and the confusion of the aggregated quality class, with a description of
 * the resources those two were measured on.
 */
public record ReportContent(
    String title,
    String modelVersion,
    TimeWindow window,
    String evaluatedSet,
    List<TaskName> tasks,
    EvaluationFigures figures,
    List<TrainingProgress> progress,
    Map<TaskName, List<ScoredLabel>> scored,
    Optional<ExpertUtilisation> utilisation,
    Optional<QualityConfusion> quality,
    String sampleSet) {

  public ReportContent {
    Objects.requireNonNull(title, "title is null");
    Objects.requireNonNull(modelVersion, "modelVersion is null");
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(evaluatedSet, "evaluatedSet is null");
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks is null"));
    Objects.requireNonNull(figures, "figures is null");
    progress = List.copyOf(Objects.requireNonNull(progress, "progress is null"));
    scored = ScoredLabel.copyOf(scored);
    Objects.requireNonNull(utilisation, "utilisation is null");
    Objects.requireNonNull(quality, "quality is null");
    Objects.requireNonNull(sampleSet, "sampleSet is null");
  }
}
