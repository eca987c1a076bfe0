package io.mmq.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.mmq.app.config.MmqConfig;
import io.mmq.grpc.mapping.RequestLimits;
import java.util.Objects;

/** The size limits on requests and imported lines, read from the {@code limits.*} settings. */
public final class LimitsModule extends AbstractModule {
  private final MmqConfig config;

  public LimitsModule(MmqConfig config) {
    this.config = Objects.requireNonNull(config, "config is null");
  }

  @Provides
  @Singleton
  RequestLimits limits() {
    return limits(config);
  }

  /**
   * @throws IllegalArgumentException naming the setting when a value is not a whole number or is
   *     out of its range
   */
  public static RequestLimits limits(MmqConfig config) {
    long pixels;
    try {
      pixels = Long.parseLong(config.get("limits.max-image-pixels"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "setting limits.max-image-pixels must be a whole number, was '"
              + config.get("limits.max-image-pixels") + "'");
    }
    try {
      return new RequestLimits(
          config.getInt("limits.max-title-chars"),
          config.getInt("limits.max-block-text-chars"),
          config.getInt("limits.max-image-bytes"),
          pixels,
          config.getInt("limits.max-image-side"),
          config.getInt("limits.max-resources-per-request"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("settings limits.*: " + e.getMessage(), e);
    }
  }
}
