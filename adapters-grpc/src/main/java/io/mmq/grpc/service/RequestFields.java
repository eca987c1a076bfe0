package io.mmq.grpc.service;

import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.training.model.JobId;
import io.mmq.grpc.mapping.InvalidFieldException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Request-level fields shared by the services: typed ids, each rejected with its field path. */
final class RequestFields {
  private RequestFields() {}

  static ResourceId resourceId(String value, String path) {
    return id(value, path, ResourceId::of);
  }

  static ModelVersion modelVersion(String value, String path) {
    return id(value, path, ModelVersion::of);
  }

  static JobId jobId(String value, String path) {
    return id(value, path, JobId::new);
  }

  private static <T> T id(String value, String path, Function<String, T> parse) {
    if (value.isBlank()) {
      throw new InvalidFieldException(path, "is required");
    }
    return mapUnder(path, () -> parse.apply(value));
  }

  /** Runs a mapping; its violations are reported under {@code prefix}. */
  static <T> T mapUnder(String prefix, Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (InvalidFieldException e) {
      throw e.under(prefix);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(prefix, e.getMessage());
    }
  }
}
