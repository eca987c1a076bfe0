package io.mmq.persistence;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.resource.model.ResourceId;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * {@link Engagements} in the {@code engagements} table, keyed by (resource, window start, window
 * end). Writes are one batched {@code MERGE} per record in one transaction: a record equal to the
 * stored one updates nothing and counts nothing. {@link #forEachIn} streams through a cursor, so
 * label derivation over millions of rows runs in bounded memory.
 */
final class JdbcEngagements implements Engagements {
  private static final String COLUMNS =
      "resource_id, window_start_ns, window_end_ns, impressions, metrics";

  private static final String MERGE =
      "MERGE INTO engagements AS t USING (VALUES (CAST(? AS VARCHAR(256)), CAST(? AS BIGINT),"
          + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR)))"
          + " AS s (resource_id, window_start_ns, window_end_ns, impressions, metrics)"
          + " ON t.resource_id = s.resource_id AND t.window_start_ns = s.window_start_ns"
          + " AND t.window_end_ns = s.window_end_ns"
          + " WHEN MATCHED AND (t.impressions IS DISTINCT FROM s.impressions"
          + " OR t.metrics <> s.metrics)"
          + " THEN UPDATE SET impressions = s.impressions, metrics = s.metrics"
          + " WHEN NOT MATCHED THEN INSERT ("
          + COLUMNS
          + ") VALUES (s.resource_id,"
          + " s.window_start_ns, s.window_end_ns, s.impressions, s.metrics)";

  private final Jdbc jdbc;

  @Inject
  JdbcEngagements(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc is null");
  }

  @Override
  public int recordAll(List<EngagementRecord> records) {
    Objects.requireNonNull(records, "records is null");
    for (int i = 0; i < records.size(); i++) {
      Objects.requireNonNull(records.get(i), "records[" + i + "] is null");
    }
    String action = "storing " + records.size() + " engagement records";
    return jdbc.inTransaction(
        action,
        connection ->
            jdbc.batch(
                connection,
                action,
                MERGE,
                records,
                (statement, record) -> {
                  statement.setString(1, record.resourceId().value());
                  statement.setLong(2, Instants.toNanos(record.window().start(), "window start"));
                  statement.setLong(3, Instants.toNanos(record.window().end(), "window end"));
                  if (record.impressions().isPresent()) {
                    statement.setLong(4, record.impressions().getAsLong());
                  } else {
                    statement.setNull(4, Types.BIGINT);
                  }
                  statement.setString(5, FlatJson.ofNumbers(record.metrics()));
                },
                i ->
                    "records["
                        + i
                        + "] (resource "
                        + records.get(i).resourceId()
                        + ", window "
                        + records.get(i).window()
                        + ")"));
  }

  @Override
  public void forEachIn(TimeWindow window, Consumer<EngagementRecord> consumer) {
    Objects.requireNonNull(window, "window is null");
    Objects.requireNonNull(consumer, "consumer is null");
    jdbc.stream(
        "streaming engagement in " + window,
        "SELECT "
            + COLUMNS
            + " FROM engagements WHERE window_start_ns >= ? AND window_end_ns <= ?"
            + " ORDER BY resource_id, window_start_ns, window_end_ns",
        statement -> {
          statement.setLong(1, Instants.clampToNanos(window.start()));
          statement.setLong(2, Instants.clampToNanos(window.end()));
        },
        reader(new WindowCache()),
        consumer);
  }

  @Override
  public List<EngagementRecord> findByResource(ResourceId id) {
    Objects.requireNonNull(id, "id is null");
    return jdbc.list(
        "reading the engagement of resource " + id,
        "SELECT "
            + COLUMNS
            + " FROM engagements WHERE resource_id = ?"
            + " ORDER BY window_start_ns, window_end_ns",
        statement -> statement.setString(1, id.value()),
        reader(new WindowCache()));
  }

  @Override
  public long count() {
    return jdbc.count("counting engagement records", "SELECT COUNT(*) FROM engagements");
  }

  private static Jdbc.RowReader<EngagementRecord> reader(WindowCache windows) {
    return row -> read(row, windows);
  }

  private static EngagementRecord read(ResultSet row, WindowCache windows) throws SQLException {
    String id = row.getString(1);
    long impressions = row.getLong(4);
    OptionalLong maybeImpressions =
        row.wasNull() ? OptionalLong.empty() : OptionalLong.of(impressions);
    try {
      return new EngagementRecord(
          ResourceId.of(id),
          windows.of(row.getLong(2), row.getLong(3)),
          maybeImpressions,
          FlatJson.toNumbers(row.getString(5)));
    } catch (IllegalArgumentException e) {
      throw new PersistenceException(
          "stored engagement of resource " + id + " cannot be read: " + e.getMessage(), e);
    }
  }
}
