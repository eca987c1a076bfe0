import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes the Markdown results of the Hacker News evaluation from the JSON reports that {@code mmq
 * validate --json} and {@code mmq baseline --json} printed. Reads {@code RUN_DIR/runs.tsv}: one
 * line a run, {@code kind<TAB>name<TAB>setting<TAB>report.json<TAB>seconds<TAB>seed}, kind {@code
 * model} (the deep model), {@code baseline} (both once per seed, the first seed first) or {@code
 * ablation} (at the first seed); prints the Markdown on stdout: the mean of every figure over the
 * seeds, the AUCs of each seed side by side with their differences, and the ablations.
 *
 * <p>Usage: {@code java examples/hackernews/ResultsTable.java RUN_DIR TITLE_LINE}
 */
public final class ResultsTable {
  static final List<String> TASKS = List.of("points", "comments");
  static final String HEADER =
      "points AUC | comments AUC | points accuracy | comments accuracy | coincidence accuracy | points ECE | comments ECE | train + validate time |";

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java ResultsTable.java RUN_DIR TITLE_LINE");
      System.exit(64);
    }
    Path dir = Path.of(args[0]);
    List<Run> models = new ArrayList<>();
    List<Run> baselines = new ArrayList<>();
    List<Run> ablations = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("runs.tsv"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        Run run = Run.read(line.split("\t", -1), dir);
        switch (run.kind) {
          case "model" -> models.add(run);
          case "baseline" -> baselines.add(run);
          default -> ablations.add(run);
        }
      }
    }
    if (models.isEmpty() || models.size() != baselines.size()) {
      throw new IllegalArgumentException(
          "runs.tsv needs one model and one baseline run a seed, has " + models.size() + " and " + baselines.size());
    }
    StringBuilder md = new StringBuilder();
    md.append(args[1]).append("\n\n");
    md.append("Mean over ").append(models.size()).append(models.size() == 1 ? " seed" : " seeds")
        .append(" (").append(String.join(", ", models.stream().map(r -> r.seed).toList())).append("):\n\n");
    md.append("| model | ").append(HEADER).append("\n|---|---|---|---|---|---|---|---|---|\n");
    md.append(mean(models.get(0).name, models)).append(mean(baselines.get(0).name, baselines));
    md.append("\nAUC per seed, the deep model against the baseline trained and validated with the same seed"
        + " (the same held-out slice of the training months):\n\n");
    md.append("| seed | deep points | baseline points | points difference | deep comments | baseline comments | comments difference |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    double[][] differences = new double[TASKS.size()][models.size()];
    for (int i = 0; i < models.size(); i++) {
      Run model = models.get(i);
      Run baseline = baselines.get(i);
      if (!model.seed.equals(baseline.seed)) {
        throw new IllegalArgumentException("run " + i + " pairs seed " + model.seed + " with " + baseline.seed);
      }
      md.append("| ").append(model.seed).append(" | ");
      for (int t = 0; t < TASKS.size(); t++) {
        double deep = model.taskFigure(TASKS.get(t), "auc");
        double base = baseline.taskFigure(TASKS.get(t), "auc");
        differences[t][i] = deep - base;
        md.append(fine(deep)).append(" | ").append(fine(base)).append(" | ").append(signed(deep - base)).append(" | ");
      }
      md.setLength(md.length() - 1);
      md.append("\n");
    }
    md.append("| mean (sd) | ");
    for (int t = 0; t < TASKS.size(); t++) {
      String task = TASKS.get(t);
      md.append(fine(average(models, r -> r.taskFigure(task, "auc")))).append(" | ")
          .append(fine(average(baselines, r -> r.taskFigure(task, "auc")))).append(" | ")
          .append(signed(mean(differences[t]))).append(" (").append(fine(sd(differences[t]))).append(") | ");
    }
    md.setLength(md.length() - 1);
    md.append("\n| deep model ahead | | | ");
    for (int t = 0; t < TASKS.size(); t++) {
      long ahead = Arrays.stream(differences[t]).filter(d -> d > 0).count();
      md.append(ahead).append(" of ").append(models.size()).append(" | | | ");
    }
    md.setLength(md.length() - " | | ".length());
    md.append("\n");
    if (!ablations.isEmpty()) {
      Run reference = models.get(0);
      md.append("\nAblations at seed ").append(reference.seed)
          .append(" (each row changes the setting shown of the deep model; same data, seed and split):\n\n");
      md.append("| variant | setting | ").append(HEADER).append("\n|---|---|---|---|---|---|---|---|---|---|\n");
      md.append(row(reference)).append(ablations.stream().map(ResultsTable::row).reduce("", String::concat));
    }
    System.out.print(md);
  }

  /** One line of runs.tsv and the report it names. */
  record Run(String kind, String name, String setting, Map<String, Object> report, double seconds, String seed) {
    @SuppressWarnings("unchecked")
    static Run read(String[] fields, Path dir) throws IOException {
      if (fields.length != 6) {
        throw new IllegalArgumentException("runs.tsv: expected 6 fields, got " + String.join("|", fields));
      }
      Map<String, Object> report = (Map<String, Object>) new Json(Files.readString(dir.resolve(fields[3]))).value();
      return new Run(fields[0], fields[1], fields[2], report, Double.parseDouble(fields[4]), fields[5]);
    }

    @SuppressWarnings("unchecked")
    double taskFigure(String task, String metric) {
      return (Double) ((Map<String, Object>) ((Map<String, Object>) report.get("tasks")).get(task)).get(metric);
    }

    double figure(String metric) {
      return (Double) report.get(metric);
    }

    /** The figures in the order of {@link #HEADER} (time last). */
    double[] figures() {
      double[] f = new double[8];
      int i = 0;
      for (String metric : List.of("auc", "accuracy")) {
        for (String task : TASKS) {
          f[i++] = taskFigure(task, metric);
        }
      }
      f[i++] = figure("accuracy");
      for (String task : TASKS) {
        f[i++] = taskFigure(task, "calibrationError");
      }
      f[i] = seconds;
      return f;
    }
  }

  static String row(Run run) {
    return cells("| " + run.name + " | " + run.setting + " | ", run.figures());
  }

  static String mean(String name, List<Run> runs) {
    double[] sum = new double[8];
    for (Run run : runs) {
      double[] f = run.figures();
      for (int i = 0; i < f.length; i++) {
        sum[i] += f[i] / runs.size();
      }
    }
    return cells("| " + name + " | ", sum);
  }

  static String cells(String start, double[] figures) {
    StringBuilder r = new StringBuilder(start);
    for (int i = 0; i < figures.length - 1; i++) {
      r.append(number(figures[i])).append(" | ");
    }
    return r.append(String.format(Locale.ROOT, "%.0f s |%n", figures[figures.length - 1])).toString();
  }

  static double average(List<Run> runs, ToDoubleFunction<Run> figure) {
    return runs.stream().mapToDouble(figure).average().orElse(Double.NaN);
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** The sample standard deviation (n - 1); NaN for one value. */
  static double sd(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double m = mean(values);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1));
  }

  static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
  }

  static String fine(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
  }

  static String signed(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.4f", value) : "n/a";
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
