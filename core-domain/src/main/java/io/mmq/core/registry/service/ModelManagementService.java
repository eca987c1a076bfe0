package io.mmq.core.registry.service;

import io.mmq.core.classification.service.ActiveModelHolder;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelStatus;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.registry.port.in.GetModelUseCase;
import io.mmq.core.registry.port.in.ListModelsUseCase;
import io.mmq.core.registry.port.in.ModelChange;
import io.mmq.core.registry.port.in.PromoteModelCommand;
import io.mmq.core.registry.port.in.PromoteModelUseCase;
import io.mmq.core.registry.port.in.RollbackModelCommand;
import io.mmq.core.registry.port.in.RollbackModelUseCase;
import io.mmq.core.registry.port.out.ModelRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists, reads, promotes and rolls back models. "Earlier" and "newer" follow the registry's order
 * (newest first). Changes are serialised in this service so that two concurrent promotions cannot
 * interleave their checks. A promotion or rollback goes through {@link ActiveModelHolder#activate}:
 * the target is loaded and warmed up before the registry switches to it, so when it returns the
 * target serves, and a target that cannot be served is refused while the active model keeps
 * serving.
 */
public final class ModelManagementService
    implements ListModelsUseCase, GetModelUseCase, PromoteModelUseCase, RollbackModelUseCase {
  private final ModelRegistry registry;
  private final ActiveModelHolder models;
  private final Clock clock;

  public ModelManagementService(ModelRegistry registry, ActiveModelHolder models, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry is null");
    this.models = Objects.requireNonNull(models, "models is null");
    this.clock = Objects.requireNonNull(clock, "clock is null");
  }

  @Override
  public List<ModelRecord> list() {
    return registry.list();
  }

  @Override
  public ModelRecord get(ModelVersion version) {
    Objects.requireNonNull(version, "version is null");
    return registry.find(version).orElseThrow(() -> notFound(version));
  }

  @Override
  public Optional<ModelRecord> active() {
    return registry.active();
  }

  @Override
  public synchronized ModelChange promote(PromoteModelCommand command) {
    Objects.requireNonNull(command, "command is null");
    ModelRecord target = get(command.version());
    Optional<ModelRecord> active = registry.active();
    if (target.status() == ModelStatus.ACTIVE) {
      models.activate(target, () -> {}); // serve it here too, if another process activated it
      return new ModelChange(Optional.of(target.version()), target, false);
    }
    return new ModelChange(active.map(ModelRecord::version), activate(target), true);
  }

  @Override
  public synchronized ModelChange rollback(RollbackModelCommand command) {
    Objects.requireNonNull(command, "command is null");
    ModelRecord active =
        registry
            .active()
            .orElseThrow(
                () -> new PreconditionFailedException(
                    "no model is active, so there is nothing to roll back: promote a model"));
    List<ModelRecord> models = registry.list();
    int activeIndex = indexOf(models, active.version());
    ModelRecord target =
        command.to().isPresent()
            ? named(command.to().get(), models, active, activeIndex)
            : previous(models, active, activeIndex);
    return new ModelChange(Optional.of(active.version()), activate(target), true);
  }

  /** Serves {@code target} and records it active now; returns it as activated. */
  private ModelRecord activate(ModelRecord target) {
    Instant activatedAt = clock.instant();
    models.activate(target, () -> registry.activate(target.version(), activatedAt));
    return target.activated(activatedAt);
  }

  private ModelRecord named(
      ModelVersion version, List<ModelRecord> models, ModelRecord active, int activeIndex) {
    ModelRecord target = get(version);
    if (target.version().equals(active.version())) {
      throw new PreconditionFailedException(
          "model " + version + " is already active: name an earlier version to roll back to");
    }
    if (indexOf(models, version) < activeIndex) {
      throw new PreconditionFailedException(
          "model " + version + " is newer than the active model " + active.version()
              + ": promote it instead of rolling back to it");
    }
    return target;
  }

  private static ModelRecord previous(List<ModelRecord> models, ModelRecord active, int activeIndex) {
    for (int i = activeIndex + 1; i < models.size(); i++) {
      if (models.get(i).status() == ModelStatus.RETIRED) {
        return models.get(i);
      }
    }
    throw new PreconditionFailedException(
        "no retired model older than the active model " + active.version()
            + " to roll back to: name a version to roll back to, or promote one");
  }

  private static int indexOf(List<ModelRecord> models, ModelVersion version) {
    for (int i = 0; i < models.size(); i++) {
      if (models.get(i).version().equals(version)) {
        return i;
      }
    }
    throw new IllegalStateException("model " + version + " is missing from the registry's list");
  }

  private static NotFoundException notFound(ModelVersion version) {
    return new NotFoundException("model " + version + " not found");
  }
}
