package io.mmq.core.architecture.violating.model;

import io.mmq.core.architecture.violating.service.SomeService;

/** A test-only model that wrongly depends on a service. */
public record ModelThatCallsAService(int value) {
  public static ModelThatCallsAService from(SomeService service) {
    return new ModelThatCallsAService(service.answer());
  }
}
