package io.mmq.grpc.mapping;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ResourceId;
import java.time.Instant;
import java.util.OptionalLong;

/** Maps {@code mmq.v1.EngagementRecord} and {@code mmq.v1.TimeWindow} to the core and back. */
public final class EngagementMapper {
  private EngagementMapper() {}

  public static EngagementRecord toDomain(io.mmq.proto.v1.EngagementRecord proto) {
    String id = FieldPath.required(proto.getResourceId(), "resourceId");
    ResourceId resourceId = FieldPath.at("resourceId", () -> ResourceId.of(id));
    if (!proto.hasWindowStart()) {
      throw new InvalidFieldException("windowStart", "is required");
    }
    if (!proto.hasWindowEnd()) {
      throw new InvalidFieldException("windowEnd", "is required");
    }
    Instant start = Timestamps.toInstant(proto.getWindowStart(), "windowStart");
    Instant end = Timestamps.toInstant(proto.getWindowEnd(), "windowEnd");
    if (!start.isBefore(end)) {
      throw new InvalidFieldException(
          "windowEnd", "must be after windowStart (" + start + "), was " + end);
    }
    if (proto.hasImpressions() && proto.getImpressions() < 0) {
      throw new InvalidFieldException(
          "impressions", "must not be negative, was " + proto.getImpressions());
    }
    ResourceMapper.limit(proto.getMetricsCount(), EngagementRecord.MAX_METRICS, "metrics", "entries");
    ResourceMapper.finite(proto.getMetricsMap(), "metrics");
    for (var entry : proto.getMetricsMap().entrySet()) {
      if (entry.getValue() < 0) {
        throw new InvalidFieldException(
            FieldPath.key("", "metrics", entry.getKey()),
            "must not be negative, was " + entry.getValue());
      }
    }
    OptionalLong impressions =
        proto.hasImpressions() ? OptionalLong.of(proto.getImpressions()) : OptionalLong.empty();
    return FieldPath.at(
        "",
        () ->
            new EngagementRecord(
                resourceId, new TimeWindow(start, end), impressions, proto.getMetricsMap()));
  }

  public static io.mmq.proto.v1.EngagementRecord toProto(EngagementRecord record) {
    var builder =
        io.mmq.proto.v1.EngagementRecord.newBuilder()
            .setResourceId(record.resourceId().value())
            .setWindowStart(Timestamps.toProto(record.window().start()))
            .setWindowEnd(Timestamps.toProto(record.window().end()))
            .putAllMetrics(record.metrics());
    record.impressions().ifPresent(builder::setImpressions);
    return builder.build();
  }

  /** A window given on the wire; both ends required, start before end. */
  public static TimeWindow window(io.mmq.proto.v1.TimeWindow proto, String path) {
    if (!proto.hasStart()) {
      throw new InvalidFieldException(FieldPath.join(path, "start"), "is required");
    }
    if (!proto.hasEnd()) {
      throw new InvalidFieldException(FieldPath.join(path, "end"), "is required");
    }
    Instant start = Timestamps.toInstant(proto.getStart(), FieldPath.join(path, "start"));
    Instant end = Timestamps.toInstant(proto.getEnd(), FieldPath.join(path, "end"));
    if (!start.isBefore(end)) {
      throw new InvalidFieldException(
          FieldPath.join(path, "end"), "must be after start (" + start + "), was " + end);
    }
    return new TimeWindow(start, end);
  }

  public static io.mmq.proto.v1.TimeWindow toProto(TimeWindow window) {
    return io.mmq.proto.v1.TimeWindow.newBuilder()
        .setStart(Timestamps.toProto(window.start()))
        .setEnd(Timestamps.toProto(window.end()))
        .build();
  }
}
