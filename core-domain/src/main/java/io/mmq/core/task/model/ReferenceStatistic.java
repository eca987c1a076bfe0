package io.mmq.core.task.model;

/** The statistic of a window that a resource's interaction degree is compared with (claim 3). */
public enum ReferenceStatistic {
  MEAN,
  MEDIAN
}
