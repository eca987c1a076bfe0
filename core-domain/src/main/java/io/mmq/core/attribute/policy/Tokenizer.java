package io.mmq.core.attribute.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits text into normalised tokens (R2), for English, Chinese and mixed text alike.
 *
 * <p>Rules, applied in order:
 *
 * <ol>
 *   <li>The text is NFKC-normalised (full-width letters and digits become ASCII, ligatures are
 *       split) and lower-cased with {@link Locale#ROOT}.
 *   <li>A token is a run of letters, digits and combining marks; everything else (punctuation,
 *       symbols, spaces) separates tokens and is dropped. Letters and digits stay together
 *       ({@code "h200"}, {@code "5g"}).
 *   <li>An apostrophe ({@code '}, {@code ’} or {@code ʼ}) between a letter or digit and a letter
 *       stays inside the token as {@code '}: contractions are kept whole ({@code "it's"}, {@code
 *       "don't"}), so {@code it's} and {@code its} remain different words. Leading and trailing
 *       apostrophes are dropped ({@code "dogs'"} gives {@code dogs}).
 *   <li>Numbers are tokens. A {@code .} between two digits stays ({@code "3.14"}); a {@code ,}
 *       followed by exactly three digits is a thousands separator and is dropped ({@code "1,000"}
 *       gives {@code 1000}); any other {@code ,} separates ({@code "1,2"} gives {@code 1}, {@code
 *       2}).
 *   <li>Han, Hiragana and Katakana runs (CJK text has no spaces between words) are split into
 *       overlapping character bigrams; a run of one character is one token. So {@code "推荐方法"}
 *       gives {@code 推荐, 荐方, 方法}: CJK text never comes out as one token per sentence. This is
 *       the usual dictionary-free choice of CJK search engines: no segmentation dictionary to ship
 *       or version, and every real two-character word is among the bigrams.
 * </ol>
 */
public final class Tokenizer {
  private Tokenizer() {}

  /** The tokens of {@code text}, in order; empty for text without letters or digits. */
  public static List<String> tokenize(String text) {
    Objects.requireNonNull(text, "text is null");
    int[] cps =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .codePoints()
            .toArray();
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int i = 0;
    while (i < cps.length) {
      int cp = cps[i];
      if (isCjk(cp)) {
        flush(word, tokens);
        int end = i;
        while (end < cps.length && isCjk(cps[end])) {
          end++;
        }
        addCjkRun(cps, i, end, tokens);
        i = end;
        continue;
      }
      if (isWordChar(cp)) {
        word.appendCodePoint(cp);
      } else if (word.length() > 0 && joinsWord(cps, i)) {
        word.append(isApostrophe(cp) ? '\'' : (char) cp);
      } else if (!(word.length() > 0 && isThousandsSeparator(cps, i))) {
        flush(word, tokens);
      }
      i++;
    }
    flush(word, tokens);
    return List.copyOf(tokens);
  }

  /**
   * Whether {@code token} is a number: digits, optionally with inner {@code .} (as produced by
   * {@link #tokenize}), such as {@code 2024} or {@code 3.14}.
   */
  public static boolean isNumber(String token) {
    Objects.requireNonNull(token, "token is null");
    if (token.isEmpty()
        || !Character.isDigit(token.codePointAt(0))
        || !Character.isDigit(token.codePointBefore(token.length()))) {
      return false;
    }
    return token.codePoints().allMatch(cp -> cp == '.' || Character.isDigit(cp));
  }

  /** Whether a code point belongs to a script written without spaces between words. */
  static boolean isCjk(int cp) {
    if (cp == 0x30FC || cp == 0x3005) { // katakana prolonged sound mark, ideographic iteration
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u02BC';
  }

  /** An apostrophe inside a word, or a decimal point between digits. */
  private static boolean joinsWord(int[] cps, int i) {
    if (i == 0 || i + 1 >= cps.length) {
      return false;
    }
    int before = cps[i - 1];
    int after = cps[i + 1];
    if (isApostrophe(cps[i])) {
      return Character.isLetterOrDigit(before) && Character.isLetter(after) && !isCjk(after);
    }
    return cps[i] == '.' && Character.isDigit(before) && Character.isDigit(after);
  }

  /** A comma after a digit, followed by exactly three digits. */
  private static boolean isThousandsSeparator(int[] cps, int i) {
    if (cps[i] != ',' || i == 0 || !Character.isDigit(cps[i - 1]) || i + 3 >= cps.length) {
      return false;
    }
    for (int k = i + 1; k <= i + 3; k++) {
      if (!Character.isDigit(cps[k])) {
        return false;
      }
    }
    return i + 4 == cps.length || !Character.isDigit(cps[i + 4]);
  }

  private static void addCjkRun(int[] cps, int start, int end, List<String> tokens) {
    if (end - start == 1) {
      tokens.add(new String(cps, start, 1));
      return;
    }
    for (int k = start; k + 1 < end; k++) {
      tokens.add(new String(cps, k, 2));
    }
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() > 0) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }
}
