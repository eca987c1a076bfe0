package io.mmq.core.engagement.port.in;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Engagement records to store in one atomic batch; each (resource, window) at most once. */
public record RecordEngagementCommand(List<EngagementRecord> records) {
  public static final int MAX_RECORDS = 100_000;

  private record Key(ResourceId resourceId, TimeWindow window) {}

  public RecordEngagementCommand {
    records = List.copyOf(Objects.requireNonNull(records, "records is null"));
    if (records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException(
          "records has " + records.size() + " entries; at most " + MAX_RECORDS + " allowed");
    }
    Set<Key> seen = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      EngagementRecord record = records.get(i);
      if (!seen.add(new Key(record.resourceId(), record.window()))) {
        throw new IllegalArgumentException(
            "records[" + i + "] repeats resource '" + record.resourceId() + "' in window "
                + record.window());
      }
    }
  }

  public static RecordEngagementCommand of(EngagementRecord... records) {
    return new RecordEngagementCommand(List.of(records));
  }
}
