package io.mmq.core.validation.service;

import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.policy.RetrainPolicy;
import io.mmq.core.validation.port.in.CheckRetrainScheduleUseCase;
import io.mmq.core.validation.port.in.ListValidationRunsUseCase;
import io.mmq.core.validation.port.in.RetrainScheduleStatus;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers whether a validation is due by the {@link RetrainPolicy} and the clock, counting from the
 * latest recorded validation run; never due while no model is active. Also lists the runs.
 */
public final class RetrainScheduleService
    implements CheckRetrainScheduleUseCase, ListValidationRunsUseCase {
  private final ValidationRuns runs;
  private final ModelRegistry registry;
  private final RetrainPolicy policy;
  private final Clock clock;

  public RetrainScheduleService(
      ValidationRuns runs, ModelRegistry registry, RetrainPolicy policy, Clock clock) {
    this.runs = Objects.requireNonNull(runs, "runs is null");
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.policy = Objects.requireNonNull(policy, "policy is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  @Override
  public RetrainScheduleStatus check() {
    Optional<ModelVersion> active = registry.active().map(ModelRecord::version);
    Optional<Instant> last = runs.latest().map(ValidationRun::ranAt);
    boolean due = active.isPresent() && policy.isDue(last, clock);
    return new RetrainScheduleStatus(
        due, active, last, policy.nextDue(last, clock), policy.period());
  }

  @Override
  public List<ValidationRun> list() {
    return runs.list();
  }
}
