package io.mmq.tensorflow;

import io.mmq.core.common.Checks;
import java.util.Objects;

/**
 * How one atomic attribute is scaled before it enters the model, fitted on the training data:
 * {@code ZSCORE} maps x to (x - mean) / std; {@code LOG_MINMAX} maps log(1 + max(x, 0)) to [0, 1]
 * by the fitted minimum and range (for heavy-tailed non-negative counts such as followers). The
 * result is clipped to [-{@value #CLIP}, {@value #CLIP}]; a missing value becomes 0.
 */
record AtomicNormaliser(String name, Kind kind, double offset, double scale) {
  static final double CLIP = 10.0;

  /** The scaling family. */
  enum Kind {
    ZSCORE,
    LOG_MINMAX
  }

  AtomicNormaliser {
    Checks.requireNonBlank(name, "atomic attribute name");
    Objects.requireNonNull(kind, "kind is null");
    Checks.requireFinite(offset, "offset of " + name);
    Checks.requireFinite(scale, "scale of " + name);
    if (scale <= 0) {
      throw new IllegalArgumentException("scale of " + name + " must be positive, was " + scale);
    }
  }

  float apply(double value) {
    double x =
        switch (kind) {
          case ZSCORE -> (value - offset) / scale;
          case LOG_MINMAX -> (Math.log1p(Math.max(value, 0)) - offset) / scale;
        };
    return (float) Math.max(-CLIP, Math.min(CLIP, x));
  }

  /** Streaming statistics of one attribute (Welford), from which the normaliser is chosen. */
  static final class Fit {
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double value) {
      count++;
      double delta = value - mean;
      mean += delta / count;
      m2 += delta * (value - mean);
      min = Math.min(min, value);
      max = Math.max(max, value);
    }

    long count() {
      return count;
    }

    /**
     * Non-negative values whose maximum is at least ten times their mean (counts, followers) are
     * log-scaled to [0, 1]; everything else is standardised. A constant attribute gets scale 1.
     */
    AtomicNormaliser normaliser(String name) {
      if (count > 0 && min >= 0 && max > 0 && max >= 10 * mean) {
        double lo = Math.log1p(min);
        double range = Math.log1p(max) - lo;
        return new AtomicNormaliser(name, Kind.LOG_MINMAX, lo, range > 0 ? range : 1.0);
      }
      double std = count > 1 ? Math.sqrt(m2 / count) : 0;
      return new AtomicNormaliser(name, Kind.ZSCORE, count > 0 ? mean : 0, std > 1e-12 ? std : 1.0);
    }
  }
}
