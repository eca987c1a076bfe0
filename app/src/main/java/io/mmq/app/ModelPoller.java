package io.mmq.app;

import io.mmq.core.classification.service.ActiveModelHolder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the registry for the served model: {@link ActiveModelHolder#refresh()} (which loads,
 * warms up and swaps in a newly active version), then the health of classification from the model
 * served now. A failed refresh keeps the model served before (and its health); each distinct
 * failure is logged once, not on every poll.
 */
final class ModelPoller {
  private static final Logger log = LoggerFactory.getLogger(ModelPoller.class);

  private final ActiveModelHolder models;
  private final Consumer<Boolean> health;
  private Optional<String> lastFailure = Optional.empty();
  private Optional<?> lastServed = Optional.empty();

  ModelPoller(ActiveModelHolder models, Consumer<Boolean> health) {
    this.models = Objects.requireNonNull(models, "models is null");
    this.health = Objects.requireNonNull(health, "health is null");
  }

  /** Never throws: a scheduled task that throws is never run again. */
  void poll() {
    try {
      Optional<?> served = models.refresh();
      if (!served.equals(lastServed)) {
        log.info("serving model {}", served.map(Object::toString).orElse("(none active)"));
        lastServed = served;
      }
      lastFailure = Optional.empty();
    } catch (RuntimeException e) {
      String failure = String.valueOf(e.getMessage());
      if (!lastFailure.equals(Optional.of(failure))) {
        log.warn("could not refresh the served model (the model served before keeps serving): {}", failure);
        lastFailure = Optional.of(failure);
      }
    }
    try {
      health.accept(models.loadedVersion().isPresent());
    } catch (RuntimeException e) {
      log.warn("could not set the classification health: {}", e.getMessage());
    }
  }
}
