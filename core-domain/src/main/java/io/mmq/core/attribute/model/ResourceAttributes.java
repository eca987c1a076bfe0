package io.mmq.core.attribute.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The target attribute information of multiple dimensions of one resource (claims 1, 4-9; R2):
 * text fields, images, the layout sequence, atomic numeric attributes (account, image summary,
 * language statistics, text statistics and the resource's own numeric extras, each under a stable
 * name such as {@code account.followers_log}, {@code language.lexical_diversity}) and categorical
 * attributes ({@code publisher}, {@code source}, {@code language} and the resource's categorical
 * extras).
 */
public record ResourceAttributes(
    TextFields text,
    List<ImageAttributes> images,
    List<LayoutToken> layout,
    Map<String, Double> atomic,
    Map<String, String> categorical) {

  public ResourceAttributes {
    Objects.requireNonNull(text, "text is null");
    images = List.copyOf(Objects.requireNonNull(images, "images is null"));
    layout = List.copyOf(Objects.requireNonNull(layout, "layout is null"));
    atomic = Map.copyOf(Objects.requireNonNull(atomic, "atomic is null"));
    categorical = Map.copyOf(Objects.requireNonNull(categorical, "categorical is null"));
  }
}
