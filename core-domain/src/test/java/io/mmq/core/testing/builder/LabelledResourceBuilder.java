package io.mmq.core.testing.builder;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.Label;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.TaskName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link LabelledResource}: {@code aLabelledResource().forResource("a-1")
 * .positive("ctr").negative("dwell").build()}. Defaults: resource a-1, day 2016-06-24, no labels.
 */
public final class LabelledResourceBuilder {
  private String resourceId = "a-1";
  private TimeWindow window = Windows.day("2016-06-24");
  private final Map<TaskName, Label> labels = new LinkedHashMap<>();

  private LabelledResourceBuilder() {}

  public static LabelledResourceBuilder aLabelledResource() {
    return new LabelledResourceBuilder();
  }

  public LabelledResourceBuilder forResource(String id) {
    this.resourceId = id;
    return this;
  }

  public LabelledResourceBuilder inWindow(TimeWindow newWindow) {
    this.window = newWindow;
    return this;
  }

  public LabelledResourceBuilder positive(String... tasks) {
    for (String task : tasks) {
      labels.put(TaskName.of(task), Label.POSITIVE);
    }
    return this;
  }

  public LabelledResourceBuilder negative(String... tasks) {
    for (String task : tasks) {
      labels.put(TaskName.of(task), Label.NEGATIVE);
    }
    return this;
  }

  public LabelledResource build() {
    return new LabelledResource(ResourceId.of(resourceId), window, labels);
  }
}
