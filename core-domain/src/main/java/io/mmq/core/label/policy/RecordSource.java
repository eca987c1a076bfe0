package io.mmq.core.label.policy;

import io.mmq.core.engagement.model.EngagementRecord;
import java.util.function.Consumer;

/**
 * A repeatable stream of one window's engagement records, ordered by resource id. {@link
 * WindowLabeller} reads it twice. Adapts the {@code Engagements} port and any {@link Iterable}:
 *
 * <pre>{@code
 * RecordSource fromPort = consumer -> engagements.forEachIn(window, consumer);
 * RecordSource fromList = records::forEach;
 * }</pre>
 */
@FunctionalInterface
public interface RecordSource {
  /** Passes every record to the consumer, in resource-id order; each call yields the same ones. */
  void forEach(Consumer<EngagementRecord> consumer);
}
