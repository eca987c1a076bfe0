package io.mmq.app.generate;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.TaskSet;
import java.util.List;
import java.util.Objects;

/**
 * A generated corpus: the resources, one engagement record per resource (in its window), the task
 * set and the hidden truth, all in the same article order.
 */
public record Corpus(
    GeneratorConfig config,
    List<TimeWindow> windows,
    List<Resource> resources,
    List<EngagementRecord> engagement,
    TaskSet tasks,
    List<ArticleTruth> truth) {

  public Corpus {
    Objects.requireNonNull(config, "config is null");
    windows = List.copyOf(windows);
    resources = List.copyOf(resources);
    engagement = List.copyOf(engagement);
    Objects.requireNonNull(tasks, "tasks is null");
    truth = List.copyOf(truth);
    if (resources.size() != truth.size() || engagement.size() != truth.size()) {
      throw new IllegalArgumentException(
          "resources, engagement and truth must have one entry per article");
    }
  }
}
