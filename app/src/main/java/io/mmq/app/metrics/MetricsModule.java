package io.mmq.app.metrics;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.mmq.core.telemetry.Telemetry;

/**
 * One Prometheus registry for the process, the core's {@link Telemetry} recorded into it, and the
 * same registry as the {@link MeterRegistry} that the gRPC metrics interceptor records into.
 */
public final class MetricsModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(Telemetry.class).to(MicrometerTelemetry.class);
    bind(MicrometerTelemetry.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry prometheus() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  @Provides
  @Singleton
  MeterRegistry registry(PrometheusMeterRegistry prometheus) {
    return prometheus;
  }
}
