package io.mmq.core.attribute.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits body text into sentences (R2), for English, Chinese and mixed text.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A line break always ends a sentence.
 *   <li>A run of terminators ({@code . ! ? …} and the CJK {@code 。 ！ ？ ｡ ．}) ends a sentence,
 *       together with the closing quotes and brackets right after it: {@code 他说：“好！”} and
 *       {@code He said "Stop!"} keep their closing quote.
 *   <li>The CJK {@code 。 ！ ？ ｡} always end a sentence. The others only when followed by the end
 *       of the text, by a CJK character, or by white space and then anything but a lower-case
 *       letter: so {@code 3.14}, {@code example.com}, {@code Wait... what} and {@code "Stop!" he
 *       said.} stay whole. Abbreviations followed by a capital ({@code Mr. Smith}) do split: a
 *       known, accepted simplification.
 *   <li>Sentences are stripped of surrounding white space; empty ones are dropped.
 * </ul>
 */
public final class SentenceSplitter {
  private SentenceSplitter() {}

  /** The sentences of {@code text}, in order. */
  public static List<String> split(String text) {
    Objects.requireNonNull(text, "text is null");
    List<String> sentences = new ArrayList<>();
    int n = text.length();
    int start = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isLineBreak(c)) {
        add(sentences, text, start, i);
        i++;
        start = i;
      } else if (isTerminator(c)) {
        int end = i;
        boolean cjk = false;
        while (end < n && isTerminator(text.charAt(end))) {
          cjk |= isCjkTerminator(text.charAt(end));
          end++;
        }
        while (end < n && isCloser(text.charAt(end))) {
          end++;
        }
        if (cjk || endsSentence(text, end)) {
          add(sentences, text, start, end);
          start = end;
        }
        i = end;
      } else {
        i++;
      }
    }
    add(sentences, text, start, n);
    return List.copyOf(sentences);
  }

  /** Whether a sentence ends with a question mark (ignoring closing quotes and brackets). */
  static boolean isQuestion(String sentence) {
    return finalPunctuation(sentence).chars().anyMatch(c -> c == '?' || c == '？');
  }

  /** Whether a sentence ends with an exclamation mark (ignoring closing quotes and brackets). */
  static boolean isExclamation(String sentence) {
    return finalPunctuation(sentence).chars().anyMatch(c -> c == '!' || c == '！');
  }

  private static String finalPunctuation(String sentence) {
    int end = sentence.length();
    while (end > 0
        && (isCloser(sentence.charAt(end - 1)) || Character.isWhitespace(sentence.charAt(end - 1)))) {
      end--;
    }
    int start = end;
    while (start > 0 && isTerminator(sentence.charAt(start - 1))) {
      start--;
    }
    return sentence.substring(start, end);
  }

  private static boolean endsSentence(String text, int end) {
    if (end >= text.length()) {
      return true;
    }
    int next = text.codePointAt(end);
    if (Tokenizer.isCjk(next)) {
      return true;
    }
    if (!Character.isWhitespace(next)) {
      return false;
    }
    int k = end;
    while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    return k >= text.length() || !Character.isLowerCase(text.codePointAt(k));
  }

  private static void add(List<String> sentences, String text, int start, int end) {
    String sentence = text.substring(start, end).strip();
    if (!sentence.isEmpty()) {
      sentences.add(sentence);
    }
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\uFF0E' || isCjkTerminator(c);
  }

  private static boolean isCjkTerminator(char c) {
    return c == '。' || c == '！' || c == '？' || c == '｡';
  }

  private static boolean isCloser(char c) {
    return switch (c) {
      case '"', '\'', '”', '’', '」', '』', ')', ']', '）', '》', '〉', '»', '】', '＂' -> true;
      default -> false;
    };
  }
}
