package io.mmq.core.task.model;

/** Whether a larger metric value means better engagement (click rate) or worse (bounce rate). */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER
}
