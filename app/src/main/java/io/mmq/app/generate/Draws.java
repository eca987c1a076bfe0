package io.mmq.app.generate;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded random draws for the generator. Every draw goes through {@link SplittableRandom} and
 * {@link StrictMath}, whose results the JDK specifies exactly, so the same seed gives the same
 * corpus on any machine.
 */
final class Draws {
  private final SplittableRandom random;

  Draws(long seed) {
    this(new SplittableRandom(seed));
  }

  private Draws(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream, e.g. one per article, so a change in one part leaves others alone. */
  Draws split() {
    return new Draws(random.split());
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** Uniform in {@code [low, high)}. */
  double uniform(double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Uniform integer in {@code [low, high]}, both ends included. */
  int between(int low, int high) {
    return random.nextInt(low, high + 1);
  }

  /** Log-uniform in {@code [low, high)}: as many values between 100 and 1,000 as 1,000-10,000. */
  double logUniform(double low, double high) {
    return StrictMath.exp(uniform(StrictMath.log(low), StrictMath.log(high)));
  }

  /** A standard normal value (Box-Muller, one of the pair). */
  double gaussian() {
    double u = 1.0 - random.nextDouble(); // (0, 1]: log(u) is finite
    double v = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  <T> T pick(List<T> values) {
    Objects.requireNonNull(values, "values is null");
    return values.get(random.nextInt(values.size()));
  }

  static double sigmoid(double x) {
    return 1.0 / (1.0 + StrictMath.exp(-x));
  }
}
