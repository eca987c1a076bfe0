package io.mmq.app.generate;

import io.mmq.core.engagement.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the synthetic corpus looks like: how many articles over how many consecutive windows, the
 * seed, the image size and the shares of articles that are high quality, have images, are in
 * Chinese or are under-exposed (fewer impressions than the tasks' minimum), the number of
 * publishers, and the fidelity of the planted signals: the probability that one channel (title,
 * tags, body, images, layout, publisher) shows an article's hidden quality rather than the
 * opposite.
 */
public record GeneratorConfig(
    int articles,
    int windows,
    Instant firstWindowStart,
    Duration windowLength,
    long seed,
    int imageWidth,
    int imageHeight,
    double highShare,
    double imageShare,
    double chineseShare,
    double underExposedShare,
    int publishers,
    double signalFidelity) {

  public static final int MAX_ARTICLES = 1_000_000;
  public static final int MAX_WINDOWS = 1_000;
  public static final int MAX_IMAGE_SIDE = 1_024;

  /** 3,000 articles over 6 daily windows from 2026-01-05, seed 42, 48x48 images, 24 publishers. */
  public static final GeneratorConfig DEFAULT =
      new GeneratorConfig(
          3_000,
          6,
          Instant.parse("2026-01-05T00:00:00Z"),
          Duration.ofDays(1),
          42L,
          48,
          48,
          0.45,
          0.6,
          0.15,
          0.08,
          24,
          0.8);

  public GeneratorConfig {
    requireBetween(articles, 1, MAX_ARTICLES, "articles");
    requireBetween(windows, 1, MAX_WINDOWS, "windows");
    Objects.requireNonNull(firstWindowStart, "firstWindowStart is null");
    Objects.requireNonNull(windowLength, "windowLength is null");
    if (windowLength.isNegative() || windowLength.isZero()) {
      throw new IllegalArgumentException("windowLength must be positive, was " + windowLength);
    }
    requireBetween(imageWidth, 8, MAX_IMAGE_SIDE, "imageWidth");
    requireBetween(imageHeight, 8, MAX_IMAGE_SIDE, "imageHeight");
    requireShare(highShare, "highShare");
    requireShare(imageShare, "imageShare");
    requireShare(chineseShare, "chineseShare");
    requireShare(underExposedShare, "underExposedShare");
    requireBetween(publishers, 2, 10_000, "publishers");
    requireShare(signalFidelity, "signalFidelity");
  }

  /** The consecutive windows, oldest first; articles are spread evenly over them. */
  public List<TimeWindow> timeWindows() {
    List<TimeWindow> result = new ArrayList<>(windows);
    Instant start = firstWindowStart;
    for (int i = 0; i < windows; i++) {
      Instant end = start.plus(windowLength);
      result.add(new TimeWindow(start, end));
      start = end;
    }
    return List.copyOf(result);
  }

  /** The window (0-based) of the article at {@code index}: the first articles go in the first. */
  public int windowOf(int index) {
    requireBetween(index, 0, articles - 1, "index");
    return (int) ((long) index * windows / articles);
  }

  public GeneratorConfig withArticles(int newArticles) {
    return new GeneratorConfig(
        newArticles,
        windows,
        firstWindowStart,
        windowLength,
        seed,
        imageWidth,
        imageHeight,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        publishers,
        signalFidelity);
  }

  public GeneratorConfig withWindows(int newWindows) {
    return new GeneratorConfig(
        articles,
        newWindows,
        firstWindowStart,
        windowLength,
        seed,
        imageWidth,
        imageHeight,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        publishers,
        signalFidelity);
  }

  public GeneratorConfig withFirstWindowStart(Instant newStart) {
    return new GeneratorConfig(
        articles,
        windows,
        newStart,
        windowLength,
        seed,
        imageWidth,
        imageHeight,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        publishers,
        signalFidelity);
  }

  public GeneratorConfig withSeed(long newSeed) {
    return new GeneratorConfig(
        articles,
        windows,
        firstWindowStart,
        windowLength,
        newSeed,
        imageWidth,
        imageHeight,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        publishers,
        signalFidelity);
  }

  public GeneratorConfig withImageSize(int width, int height) {
    return new GeneratorConfig(
        articles,
        windows,
        firstWindowStart,
        windowLength,
        seed,
        width,
        height,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        publishers,
        signalFidelity);
  }

  public GeneratorConfig withShares(
      double newHighShare,
      double newImageShare,
      double newChineseShare,
      double newUnderExposedShare) {
    return new GeneratorConfig(
        articles,
        windows,
        firstWindowStart,
        windowLength,
        seed,
        imageWidth,
        imageHeight,
        newHighShare,
        newImageShare,
        newChineseShare,
        newUnderExposedShare,
        publishers,
        signalFidelity);
  }

  public GeneratorConfig withPublishers(int newPublishers) {
    return new GeneratorConfig(
        articles,
        windows,
        firstWindowStart,
        windowLength,
        seed,
        imageWidth,
        imageHeight,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        newPublishers,
        signalFidelity);
  }

  public GeneratorConfig withSignalFidelity(double newFidelity) {
    return new GeneratorConfig(
        articles,
        windows,
        firstWindowStart,
        windowLength,
        seed,
        imageWidth,
        imageHeight,
        highShare,
        imageShare,
        chineseShare,
        underExposedShare,
        publishers,
        newFidelity);
  }

  private static void requireBetween(long value, long low, long high, String field) {
    if (value < low || value > high) {
      throw new IllegalArgumentException(
          field + " must be in [" + low + ", " + high + "], was " + value);
    }
  }

  private static void requireShare(double value, String field) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }
}
