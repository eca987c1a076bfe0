package io.mmq.app.generate;

import java.util.Locale;

/** A channel of an article in which the generator plants evidence of its hidden quality. */
public enum Channel {
  /** Quality words ("analysis", "深度") or clickbait words ("shocking", "震惊") in the title. */
  TITLE,
  /** Tags such as "in-depth" and "research" or "viral" and "must-see". */
  TAGS,
  /** Long sentences with numbers and sources, or short exclamations. */
  BODY,
  /** Sharp, colourful pictures, or blurry, low-contrast greyish ones. */
  IMAGES,
  /** Heading, paragraphs, image, list; or a run of short paragraphs or an image wall. */
  LAYOUT,
  /** A publisher with high level, followers, authority and verticality, or a weak one. */
  PUBLISHER;

  /** The name used in truth.jsonl: {@code title}, {@code tags}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel whose {@link #key()} is {@code key}. */
  public static Channel ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
