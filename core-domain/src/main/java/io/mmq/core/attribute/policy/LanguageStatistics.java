package io.mmq.core.attribute.policy;

import io.mmq.core.resource.model.ContentBlock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Language statistics of a resource's body (R2; the patent's "language attribute information"),
 * over all body sentences (uncapped; see {@link BodyText} for what the body is). Every measure is
 * 0 for a body without tokens.
 *
 * @param lexicalDiversity distinct tokens / tokens
 * @param wordLengthMean mean length in code points of the word tokens (numbers excluded)
 * @param wordLengthStd population standard deviation of that length
 * @param sentenceLengthMean mean number of tokens per sentence
 * @param sentenceLengthStd population standard deviation of that number
 * @param questionShare share of sentences ending in {@code ?} or {@code ？}
 * @param exclamationShare share of sentences ending in {@code !} or {@code ！} ({@code ?!} counts
 *     as both)
 * @param quotations quote blocks plus quoted spans (see {@link BodyText})
 * @param numberShare number tokens / tokens
 */
public record LanguageStatistics(
    double lexicalDiversity,
    double wordLengthMean,
    double wordLengthStd,
    double sentenceLengthMean,
    double sentenceLengthStd,
    double questionShare,
    double exclamationShare,
    int quotations,
    double numberShare) {

  public static final String LEXICAL_DIVERSITY = "language.lexical_diversity";
  public static final String WORD_LENGTH_MEAN = "language.word_length_mean";
  public static final String WORD_LENGTH_STD = "language.word_length_std";
  public static final String SENTENCE_LENGTH_MEAN = "language.sentence_length_mean";
  public static final String SENTENCE_LENGTH_STD = "language.sentence_length_std";
  public static final String QUESTION_SHARE = "language.question_share";
  public static final String EXCLAMATION_SHARE = "language.exclamation_share";
  public static final String QUOTATIONS = "language.quotations";
  public static final String NUMBER_SHARE = "language.number_share";

  /** The atomic attribute names of {@link #toAtomic()}, in a stable order. */
  public static final List<String> KEYS =
      List.of(
          LEXICAL_DIVERSITY,
          WORD_LENGTH_MEAN,
          WORD_LENGTH_STD,
          SENTENCE_LENGTH_MEAN,
          SENTENCE_LENGTH_STD,
          QUESTION_SHARE,
          EXCLAMATION_SHARE,
          QUOTATIONS,
          NUMBER_SHARE);

  public LanguageStatistics {
    if (quotations < 0) {
      throw new IllegalArgumentException("quotations must not be negative, was " + quotations);
    }
  }

  /** The statistics of a body given as content blocks. */
  public static LanguageStatistics of(List<ContentBlock> blocks) {
    return of(BodyText.of(blocks));
  }

  static LanguageStatistics of(BodyText body) {
    Objects.requireNonNull(body, "body is null");
    List<BodyText.Sentence> sentences = body.sentences();
    int tokens = 0;
    int numbers = 0;
    Set<String> distinct = new HashSet<>();
    Moments wordLength = new Moments();
    Moments sentenceLength = new Moments();
    int questions = 0;
    int exclamations = 0;
    for (BodyText.Sentence sentence : sentences) {
      sentenceLength.add(sentence.tokens().size());
      questions += SentenceSplitter.isQuestion(sentence.text()) ? 1 : 0;
      exclamations += SentenceSplitter.isExclamation(sentence.text()) ? 1 : 0;
      for (String token : sentence.tokens()) {
        tokens++;
        distinct.add(token);
        if (Tokenizer.isNumber(token)) {
          numbers++;
        } else {
          wordLength.add(token.codePointCount(0, token.length()));
        }
      }
    }
    return new LanguageStatistics(
        share(distinct.size(), tokens),
        wordLength.mean(),
        wordLength.std(),
        sentenceLength.mean(),
        sentenceLength.std(),
        share(questions, sentences.size()),
        share(exclamations, sentences.size()),
        body.quotations(),
        share(numbers, tokens));
  }

  /** The statistics under their {@link #KEYS}. */
  public Map<String, Double> toAtomic() {
    return Map.of(
        LEXICAL_DIVERSITY, lexicalDiversity,
        WORD_LENGTH_MEAN, wordLengthMean,
        WORD_LENGTH_STD, wordLengthStd,
        SENTENCE_LENGTH_MEAN, sentenceLengthMean,
        SENTENCE_LENGTH_STD, sentenceLengthStd,
        QUESTION_SHARE, questionShare,
        EXCLAMATION_SHARE, exclamationShare,
        QUOTATIONS, (double) quotations,
        NUMBER_SHARE, numberShare);
  }

  static double share(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Running mean and population standard deviation of a few values (sum and sum of squares). */
  private static final class Moments {
    private int count;
    private double sum;
    private double squares;

    void add(double value) {
      count++;
      sum += value;
      squares += value * value;
    }

    double mean() {
      return count == 0 ? 0 : sum / count;
    }

    double std() {
      if (count == 0) {
        return 0;
      }
      double mean = sum / count;
      return Math.sqrt(Math.max(0, squares / count - mean * mean));
    }
  }
}
