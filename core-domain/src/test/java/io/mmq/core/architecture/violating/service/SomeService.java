package io.mmq.core.architecture.violating.service;

/** A test-only service that a test-only model wrongly depends on. */
public final class SomeService {
  public int answer() {
    return 42;
  }
}
