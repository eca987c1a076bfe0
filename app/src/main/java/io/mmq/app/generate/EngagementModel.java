package io.mmq.app.generate;

import java.util.Map;
import java.util.Objects;

/**
 * How readers engage with a synthetic article in its window. Each metric's true rate comes from the
 * hidden quality, channel-specific effects, a window effect and per-article noise; the observed
 * value then has sampling noise that shrinks with exposure, so under-exposed records are noisy.
 * With {@code s(x) = +1} for a high-looking (or true) x and {@code -1} otherwise, and {@code g} a
 * fresh standard normal draw each time:
 *
 * <ul>
 *   <li>ctr: {@code sigmoid(-3.0 + w + 0.45 q + 0.25 s(title) + 0.1 s(tags) + 0.1 s(publisher) +
 *       0.1 s(images) + 0.45 g)} (images: 0 when there is none), observed as clicks / impressions;
 *   <li>dwell (seconds): {@code exp(3.6 + w + 0.3 q + 0.2 s(body) + 0.15 s(layout) + 0.35 g)},
 *       averaged over the clicks with a log-normal spread of 0.6 per read;
 *   <li>comment_rate: {@code exp(-5.0 + w + 0.35 q + 0.3 s(discussion) + 0.1 s(publisher) + 0.45
 *       g)}, where discussion means a quote block or a question; observed as comments /
 *       impressions;
 *   <li>bounce (lower is better): {@code sigmoid(-0.3 + w - 0.4 q - 0.25 s(images) - 0.15 s(layout)
 *       + 0.4 g)}, observed as bounces / visits.
 * </ul>
 */
final class EngagementModel {
  static final String CTR = "ctr";
  static final String DWELL = "dwell";
  static final String COMMENT_RATE = "comment_rate";
  static final String BOUNCE = "bounce";

  /** The under-exposed get 8-99 impressions: below the tasks' minimum of 100. */
  static final int UNDER_EXPOSED_MAX = 99;

  /** The window effect on each metric, shared by all articles of the window. */
  record WindowEffect(double ctr, double dwell, double comments, double bounce) {
    static WindowEffect draw(Draws draws) {
      return new WindowEffect(
          0.15 * draws.gaussian(),
          0.1 * draws.gaussian(),
          0.15 * draws.gaussian(),
          0.15 * draws.gaussian());
    }
  }

  /** What the engagement of one article depends on. */
  record Inputs(
      boolean high,
      ArticleComposer.Looks looks,
      int images,
      boolean strongPublisher,
      boolean discussion) {
    Inputs {
      Objects.requireNonNull(looks, "looks is null");
    }
  }

  private EngagementModel() {}

  /**
   * Impressions: log-uniform 150-20,000 (x1.5 for a strong publisher), or 8-99 if under-exposed.
   */
  static long impressions(boolean underExposed, boolean strongPublisher, Draws draws) {
    if (underExposed) {
      return draws.between(8, UNDER_EXPOSED_MAX);
    }
    double value = draws.logUniform(150, 20_000) * (strongPublisher ? 1.5 : 1.0);
    return Math.round(value);
  }

  static Map<String, Double> metrics(
      Inputs in, WindowEffect window, long impressions, Draws draws) {
    double q = sign(in.high());
    double image = in.images() == 0 ? 0 : sign(in.looks().images());
    double publisher = sign(in.strongPublisher());
    double layout = sign(in.looks().layout());

    double ctrRate =
        Draws.sigmoid(
            -3.0
                + window.ctr()
                + 0.45 * q
                + 0.25 * sign(in.looks().title())
                + 0.1 * sign(in.looks().tags())
                + 0.1 * publisher
                + 0.1 * image
                + 0.45 * draws.gaussian());
    long clicks = binomial(impressions, ctrRate, draws);

    double dwellMean =
        StrictMath.exp(
            3.6
                + window.dwell()
                + 0.3 * q
                + 0.2 * sign(in.looks().body())
                + 0.15 * layout
                + 0.35 * draws.gaussian());
    double dwell = dwellMean * StrictMath.exp(0.6 * draws.gaussian() / StrictMath.sqrt(clicks + 1));

    double commentRate =
        StrictMath.exp(
            -5.0
                + window.comments()
                + 0.35 * q
                + 0.3 * sign(in.discussion())
                + 0.1 * publisher
                + 0.45 * draws.gaussian());
    long comments = binomial(impressions, commentRate, draws);

    double bounceRate =
        Draws.sigmoid(
            -0.3
                + window.bounce()
                - 0.4 * q
                - 0.25 * image
                - 0.15 * layout
                + 0.4 * draws.gaussian());
    long visits = Math.max(1, clicks);
    long bounces = binomial(visits, bounceRate, draws);

    return Map.of(
        CTR, round((double) clicks / impressions, 1e6),
        DWELL, round(dwell, 10),
        COMMENT_RATE, round((double) comments / impressions, 1e6),
        BOUNCE, round((double) bounces / visits, 1e4));
  }

  /** A binomial count by its normal approximation, rounded and kept within {@code [0, n]}. */
  static long binomial(long n, double p, Draws draws) {
    double mean = n * p;
    double sd = StrictMath.sqrt(n * p * (1 - p));
    long value = Math.round(mean + sd * draws.gaussian());
    return Math.max(0, Math.min(n, value));
  }

  private static double sign(boolean value) {
    return value ? 1.0 : -1.0;
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }
}
