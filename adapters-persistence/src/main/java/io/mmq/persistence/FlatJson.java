package io.mmq.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Maps of named values as flat JSON objects, e.g. {@code {"ctr":0.031,"dwell":41.5}}: keys sorted
 * (so equal maps give equal text), every character outside printable ASCII escaped as {@code
 * \\uXXXX} (so any Java string, unpaired surrogates and NUL included, round-trips through any
 * database encoding), numbers in {@link Double#toString} form (exact round trip) and the non-finite
 * ones as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
final class FlatJson {
  private FlatJson() {}

  static String ofNumbers(Map<String, Double> values) {
    return write(values, FlatJson::number);
  }

  static String ofStrings(Map<String, String> values) {
    return write(values, FlatJson::quoted);
  }

  static Map<String, Double> toNumbers(String json) {
    return new Reader(json).read(Reader::number);
  }

  static Map<String, String> toStrings(String json) {
    return new Reader(json).read(Reader::string);
  }

  private static <V> String write(Map<String, V> values, Function<V, String> format) {
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(values)
        .forEach(
            (key, value) -> {
              if (out.length() > 1) {
                out.append(',');
              }
              out.append(quoted(key)).append(':').append(format.apply(value));
            });
    return out.append('}').toString();
  }

  private static String number(Double value) {
    return Double.isFinite(value) ? Double.toString(value) : quoted(Double.toString(value));
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A strict reader for what {@link FlatJson} writes; anything else is an error. */
  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    <V> Map<String, V> read(Function<Reader, V> value) {
      Map<String, V> result = new LinkedHashMap<>();
      expect('{');
      if (peek() == '}') {
        at++;
      } else {
        do {
          String key = string();
          expect(':');
          result.put(key, value.apply(this));
        } while (consumeComma());
        expect('}');
      }
      if (at != text.length()) {
        throw error("trailing characters");
      }
      return result;
    }

    Double number() {
      if (peek() == '"') {
        String special = string();
        return switch (special) {
          case "NaN" -> Double.NaN;
          case "Infinity" -> Double.POSITIVE_INFINITY;
          case "-Infinity" -> Double.NEGATIVE_INFINITY;
          default -> throw error("not a number: \"" + special + "\"");
        };
      }
      int start = at;
      while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      try {
        return Double.parseDouble(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw error("not a number");
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escaped = next();
        if (escaped == 'u') {
          if (at + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          at += 4;
        } else if (escaped == '"' || escaped == '\\' || escaped == '/') {
          out.append(escaped);
        } else {
          throw error("unknown escape \\" + escaped);
        }
      }
    }

    private boolean consumeComma() {
      if (peek() == ',') {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private char peek() {
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "stored JSON map is malformed at offset " + at + " (" + what + "): " + abbreviate());
    }

    private String abbreviate() {
      return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
  }
}
