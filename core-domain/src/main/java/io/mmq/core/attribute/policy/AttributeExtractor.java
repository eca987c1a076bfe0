package io.mmq.core.attribute.policy;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.model.ResourceAttributes;
import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The entry point of R2: turns a {@link Resource} into its {@link ResourceAttributes}, the
 * patent's "target attribute information of multiple dimensions". Pure and deterministic: the same
 * resource always gives equal attributes.
 *
 * <p>Atomic attributes: every name of {@link #ATOMIC_KEYS} is always present, in four groups:
 *
 * <ul>
 *   <li>{@code account.*}: known (1/0), level, followers_log = log1p(followers), verticality,
 *       authority, age_days_log = log1p(age in days);
 *   <li>{@code image.*}: count, embedding_share, and over images with pixels mean_sharpness,
 *       mean_colourfulness, mean_resolution_log = mean log1p(width × height), mean_aspect_ratio;
 *   <li>{@code language.*}: see {@link LanguageStatistics};
 *   <li>{@code text.*}: see {@link TextStatistics}.
 * </ul>
 *
 * Then, depending on the resource: {@code account.attr.<name>} for each of the publisher's
 * attributes and {@code extra.<name>} for each of the resource's numeric attributes. Counts are
 * raw counts; the model standardises its inputs.
 *
 * <p>Categorical attributes: {@code publisher} (the publisher id), {@code source}, {@code language}
 * (trimmed and lower-cased with {@link Locale#ROOT}) and {@code extra.<name>} for each of the
 * resource's categorical attributes; a blank value is left out.
 *
 * <p>An image whose bytes are not a decodable JPEG or PNG, or that exceeds the image limits, makes
 * the whole extraction fail with an {@link IllegalArgumentException} naming the block ({@code
 * blocks[3].image: ...}).
 */
public final class AttributeExtractor {

  /** The prefix of the resource's own numeric and categorical attributes. */
  public static final String EXTRA_PREFIX = "extra.";

  /** The prefix of the publisher's own attributes. */
  public static final String ACCOUNT_ATTRIBUTE_PREFIX = AccountAttributes.ATTRIBUTE_PREFIX;

  public static final String PUBLISHER = "publisher";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";

  /** The fixed atomic attribute names, always present, in a stable order. */
  public static final List<String> ATOMIC_KEYS =
      Stream.of(
              AccountAttributes.KEYS,
              ImageSummary.KEYS,
              LanguageStatistics.KEYS,
              TextStatistics.KEYS)
          .flatMap(List::stream)
          .toList();

  private static final AttributeExtractor STANDARD =
      new AttributeExtractor(
          TextFieldsExtractor.standard(),
          ImageAttributeExtractor.standard(),
          LayoutExtractor.standard());

  private final TextFieldsExtractor textFields;
  private final ImageAttributeExtractor images;
  private final LayoutExtractor layout;

  public AttributeExtractor(
      TextFieldsExtractor textFields, ImageAttributeExtractor images, LayoutExtractor layout) {
    this.textFields = Objects.requireNonNull(textFields, "textFields is null");
    this.images = Objects.requireNonNull(images, "images is null");
    this.layout = Objects.requireNonNull(layout, "layout is null");
  }

  /** The extractor with every part at its default limits. */
  public static AttributeExtractor standard() {
    return STANDARD;
  }

  /**
   * The attributes of {@code resource}.
   *
   * @throws IllegalArgumentException if an image cannot be decoded or exceeds the image limits
   */
  public ResourceAttributes extract(Resource resource) {
    Objects.requireNonNull(resource, "resource is null");
    BodyText body = BodyText.of(resource.blocks());
    TextFields text = textFields.extract(resource, body);
    List<ImageAttributes> imageAttributes = imageAttributes(resource.blocks());

    Map<String, Double> atomic = new HashMap<>();
    atomic.putAll(AccountAttributes.of(resource.publisher()));
    atomic.putAll(ImageSummary.of(imageAttributes));
    atomic.putAll(LanguageStatistics.of(body).toAtomic());
    atomic.putAll(TextStatistics.of(resource, body).toAtomic());
    resource.numericAttributes().forEach((name, value) -> atomic.put(EXTRA_PREFIX + name, value));

    Map<String, String> categorical = new HashMap<>();
    putIfNotBlank(categorical, PUBLISHER, resource.publisher().id());
    putIfNotBlank(categorical, SOURCE, resource.source());
    putIfNotBlank(categorical, LANGUAGE, resource.language().strip().toLowerCase(Locale.ROOT));
    resource
        .categoricalAttributes()
        .forEach((name, value) -> putIfNotBlank(categorical, EXTRA_PREFIX + name, value));

    return new ResourceAttributes(
        text,
        imageAttributes,
        layout.extract(resource.blocks(), imageAttributes),
        atomic,
        categorical);
  }

  private List<ImageAttributes> imageAttributes(List<ContentBlock> blocks) {
    List<ImageAttributes> result = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) instanceof ContentBlock.Image image) {
        try {
          result.add(images.extract(image.content()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("blocks[" + i + "].image: " + e.getMessage(), e);
        }
      }
    }
    return result;
  }

  private static void putIfNotBlank(Map<String, String> map, String key, String value) {
    if (!value.isBlank()) {
      map.put(key, value);
    }
  }
}
