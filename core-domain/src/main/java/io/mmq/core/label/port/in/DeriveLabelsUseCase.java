package io.mmq.core.label.port.in;

/**
 * Derives labels from engagement (R5, claims 2-3) for every engagement record whose window lies
 * inside the requested range.
 *
 * <p>Each record is labelled within <b>its own window</b>, never across windows: records of
 * different windows inside the range (one window per day, say) form separate groups, each with its
 * own reference and degrees, and each group's labels replace what was stored for that exact window.
 * So labelling a week of daily records gives seven independently labelled days, and labelling a
 * training range and a validation range never mixes them. Windows inside the range that have no
 * records now keep their stored labels.
 *
 * <p>The records are read in two streaming passes (values, then labels); only the metric values
 * and the labelled resources are held in memory.
 *
 * <p>Options of the command: quality levels (R5's K-level option, see {@link
 * io.mmq.core.label.policy.QualityLevels}) are counted per task and record window from the same
 * eligible values and reference as the labels, and reported only: the stored labels stay
 * positive/negative and training uses them. A dry run derives and reports everything and stores
 * nothing.
 */
public interface DeriveLabelsUseCase {
  DeriveLabelsResult derive(DeriveLabelsCommand command);
}
