package io.mmq.core.training.service;

import io.mmq.core.common.Checks;
import io.mmq.core.resource.model.ResourceId;

/**
 * A deterministic split of resources into kept and held-out by a hash of the resource id and a
 * seed: the same resource always falls on the same side for a seed (in every window), and about
 * {@code fraction} of the resources are held out.
 */
public record HoldoutSplit(long seed, double fraction) {
  public HoldoutSplit {
    Checks.requireInRange(fraction, 0, 1, "fraction");
  }

  /** Whether the resource is held out. */
  public boolean isHeldOut(ResourceId id) {
    return unit(id) < fraction;
  }

  /** A number in [0, 1) fixed by the id and the seed (SplitMix64 over the id's hash). */
  public double unit(ResourceId id) {
    long z = seed * 0x9E3779B97F4A7C15L + id.value().hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
