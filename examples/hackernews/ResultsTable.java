import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the Markdown results of the Hacker News evaluation from the JSON reports that {@code mmq
 * validate --json} and {@code mmq baseline --json} printed. Reads {@code RUN_DIR/runs.tsv}: one
 * line a run, {@code kind<TAB>name<TAB>setting<TAB>report.json<TAB>seconds}, kind {@code model}
 * (the deep model, first line), {@code baseline} or {@code ablation}; prints the Markdown on
 * stdout.
 *
 * <p>Usage: {@code java examples/hackernews/ResultsTable.java RUN_DIR TITLE_LINE}
 */
public final class ResultsTable {
  static final List<String> TASKS = List.of("points", "comments");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java ResultsTable.java RUN_DIR TITLE_LINE");
      System.exit(64);
    }
    Path dir = Path.of(args[0]);
    List<String[]> runs = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("runs.tsv"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        runs.add(line.split("\t", -1));
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(args[1]).append("\n\n");
    md.append("| model | points AUC | comments AUC | points accuracy | comments accuracy | coincidence accuracy | points ECE | comments ECE | train + validate time |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String[] run : runs) {
      if (run[0].equals("model") || run[0].equals("baseline")) {
        md.append(row(run, dir, true));
      }
    }
    md.append("\nAblations (each row changes the setting shown of the deep model above; same data, seed and split):\n\n");
    md.append("| variant | setting | points AUC | comments AUC | points accuracy | comments accuracy | coincidence accuracy | points ECE | comments ECE | train + validate time |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (String[] run : runs) {
      if (run[0].equals("model") || run[0].equals("ablation")) {
        md.append(row(run, dir, false));
      }
    }
    System.out.print(md);
  }

  @SuppressWarnings("unchecked")
  static String row(String[] run, Path dir, boolean summary) throws IOException {
    Map<String, Object> report = (Map<String, Object>) new Json(Files.readString(dir.resolve(run[3]))).value();
    Map<String, Object> tasks = (Map<String, Object>) report.get("tasks");
    StringBuilder r = new StringBuilder("| ").append(run[1]).append(" | ");
    if (!summary) {
      r.append(run[2]).append(" | ");
    }
    for (String metric : List.of("auc", "accuracy")) {
      for (String task : TASKS) {
        r.append(number(((Map<String, Object>) tasks.get(task)).get(metric))).append(" | ");
      }
    }
    r.append(number(report.get("accuracy"))).append(" | ");
    for (String task : TASKS) {
      r.append(number(((Map<String, Object>) tasks.get(task)).get("calibrationError"))).append(" | ");
    }
    r.append(run[4]).append(" s |\n");
    return r.toString();
  }

  static String number(Object value) {
    return value instanceof Double d && Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "n/a";
  }

  /** A minimal JSON reader: objects, arrays, strings, numbers (as Double), booleans, null. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        skip();
        if (s.charAt(i) == '}') {
          i++;
          return map;
        }
        while (true) {
          skip();
          String key = string();
          skip();
          expect(':');
          map.put(key, value());
          skip();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect('}');
            return map;
          }
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        skip();
        if (s.charAt(i) == ']') {
          i++;
          return list;
        }
        while (true) {
          list.add(value());
          skip();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect(']');
            return list;
          }
        }
      }
      if (c == '"') {
        String text = string();
        return text.equals("NaN") ? Double.NaN : text;
      }
      for (String word : List.of("true", "false", "null")) {
        if (s.startsWith(word, i)) {
          i += word.length();
          return word.equals("null") ? null : Boolean.valueOf(word);
        }
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (start == i) {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
      }
      return Double.parseDouble(s.substring(start, i));
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'u' -> {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> b.append(e);
          }
        } else {
          b.append(c);
        }
      }
      i++;
      return b.toString();
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i + ", found '" + s.charAt(i) + "'");
      }
      i++;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }

  private ResultsTable() {}
}
