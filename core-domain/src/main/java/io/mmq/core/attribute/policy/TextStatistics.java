package io.mmq.core.attribute.policy;

import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Text statistics of a resource (R2; the patent's "text statistical attribute information"), over
 * the whole title and body (uncapped). The image count itself is the atomic attribute {@code
 * image.count}.
 *
 * @param titleTokens tokens in the title
 * @param titleChars code points in the stripped title
 * @param bodyTokens tokens in the body (see {@link BodyText}: captions included)
 * @param sentences body sentences that hold at least one token
 * @param paragraphs paragraph blocks
 * @param headings heading blocks
 * @param imagesPerParagraph image blocks / paragraph blocks; with no paragraph, the image count
 * @param titleBodyMatch share of the distinct title tokens that occur in the body (containment,
 *     not Jaccard: a short title against a long body would give a Jaccard index near 0 whatever the
 *     match); 0 for a title without tokens
 */
public record TextStatistics(
    int titleTokens,
    int titleChars,
    int bodyTokens,
    int sentences,
    int paragraphs,
    int headings,
    double imagesPerParagraph,
    double titleBodyMatch) {

  public static final String TITLE_TOKENS = "text.title_tokens";
  public static final String TITLE_CHARS = "text.title_chars";
  public static final String BODY_TOKENS = "text.body_tokens";
  public static final String SENTENCES = "text.sentences";
  public static final String PARAGRAPHS = "text.paragraphs";
  public static final String HEADINGS = "text.headings";
  public static final String IMAGES_PER_PARAGRAPH = "text.images_per_paragraph";
  public static final String TITLE_BODY_MATCH = "text.title_body_match";

  /** The atomic attribute names of {@link #toAtomic()}, in a stable order. */
  public static final List<String> KEYS =
      List.of(
          TITLE_TOKENS,
          TITLE_CHARS,
          BODY_TOKENS,
          SENTENCES,
          PARAGRAPHS,
          HEADINGS,
          IMAGES_PER_PARAGRAPH,
          TITLE_BODY_MATCH);

  public TextStatistics {
    if (titleTokens < 0 || titleChars < 0 || bodyTokens < 0 || sentences < 0 || paragraphs < 0
        || headings < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public static TextStatistics of(Resource resource) {
    Objects.requireNonNull(resource, "resource is null");
    return of(resource, BodyText.of(resource.blocks()));
  }

  static TextStatistics of(Resource resource, BodyText body) {
    List<String> title = Tokenizer.tokenize(resource.title());
    String strippedTitle = resource.title().strip();
    int paragraphs = count(resource.blocks(), ContentBlock.Kind.PARAGRAPH);
    int images = count(resource.blocks(), ContentBlock.Kind.IMAGE);
    List<String> bodyTokens = body.tokens();
    Set<String> distinctTitle = new HashSet<>(title);
    Set<String> bodySet = new HashSet<>(bodyTokens);
    int matched = (int) distinctTitle.stream().filter(bodySet::contains).count();
    return new TextStatistics(
        title.size(),
        strippedTitle.codePointCount(0, strippedTitle.length()),
        bodyTokens.size(),
        body.sentences().size(),
        paragraphs,
        count(resource.blocks(), ContentBlock.Kind.HEADING),
        (double) images / Math.max(1, paragraphs),
        LanguageStatistics.share(matched, distinctTitle.size()));
  }

  /** The statistics under their {@link #KEYS}. */
  public Map<String, Double> toAtomic() {
    return Map.of(
        TITLE_TOKENS, (double) titleTokens,
        TITLE_CHARS, (double) titleChars,
        BODY_TOKENS, (double) bodyTokens,
        SENTENCES, (double) sentences,
        PARAGRAPHS, (double) paragraphs,
        HEADINGS, (double) headings,
        IMAGES_PER_PARAGRAPH, imagesPerParagraph,
        TITLE_BODY_MATCH, titleBodyMatch);
  }

  private static int count(List<ContentBlock> blocks, ContentBlock.Kind kind) {
    return (int) blocks.stream().filter(block -> block.kind() == kind).count();
  }
}
