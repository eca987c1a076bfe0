package io.mmq.core.resource.model;

import io.mmq.core.common.Checks;
import java.util.Map;
import java.util.Objects;

/**
 * The account that published a resource and its attributes (R1): level, verticality (how focused
 * the account is on one vertical, 0-1), authority (0-1), followers and account age.
 */
public record Publisher(
    String id,
    int level,
    long followers,
    double verticality,
    double authority,
    int ageDays,
    Map<String, Double> attributes) {

  /** A resource whose publisher is not known. */
  public static final Publisher UNKNOWN = new Publisher("", 0, 0, 0, 0, 0, Map.of());

  public Publisher {
    Objects.requireNonNull(id, "publisher.id is null");
    Checks.requireMaxLength(id, ResourceId.MAX_LENGTH, "publisher.id");
    Checks.requireNonNegative(level, "publisher.level");
    Checks.requireNonNegative(followers, "publisher.followers");
    Checks.requireInRange(verticality, 0, 1, "publisher.verticality");
    Checks.requireInRange(authority, 0, 1, "publisher.authority");
    Checks.requireNonNegative(ageDays, "publisher.ageDays");
    attributes = Checks.finiteValues(attributes, "publisher.attributes");
  }

  public boolean isKnown() {
    return !id.isEmpty();
  }
}
