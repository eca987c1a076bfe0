package io.mmq.grpc.mapping;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Converts protobuf timestamps, rejecting values outside the protobuf range. */
public final class Timestamps {
  private static final long MIN_SECONDS = -62_135_596_800L; // 0001-01-01T00:00:00Z
  private static final long MAX_SECONDS = 253_402_300_799L; // 9999-12-31T23:59:59Z

  private Timestamps() {}

  public static Instant toInstant(Timestamp timestamp, String path) {
    if (timestamp.getSeconds() < MIN_SECONDS
        || timestamp.getSeconds() > MAX_SECONDS
        || timestamp.getNanos() < 0
        || timestamp.getNanos() > 999_999_999) {
      throw new InvalidFieldException(path, "is not a valid timestamp");
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
