package io.mmq.core.testing.fake;

import io.mmq.core.label.model.Label;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the fake trainer learns and the fake model predicts with: per task, the count of positive
 * and of all labels (the prior), and the same counts per title token. The probability of a task
 * for a resource is the mean over its known title tokens of {@code (pos + a·prior) / (n + a)},
 * where {@code prior = (P + 1) / (N + 2)} and {@code a} is the smoothing; with no known token it
 * is the prior. {@code invert} turns p into 1 - p (a deliberately bad model). Encoded as UTF-8
 * text lines so that the bytes of an artifact say what it learned.
 */
final class FakeModelData {
  static final String MAGIC = "fake-quality-model 1";

  /** Positive and total counts. */
  static final class Counts {
    long positive;
    long total;

    void add(Label label) {
      total++;
      if (label.isPositive()) {
        positive++;
      }
    }

    void add(Counts other) {
      positive += other.positive;
      total += other.total;
    }
  }

  final TaskSet tasks;
  final long seed;
  final double smoothing;
  final boolean invert;
  final Map<TaskName, Counts> priors = new TreeMap<>();
  final Map<TaskName, Map<String, Counts>> tokens = new TreeMap<>();

  FakeModelData(TaskSet tasks, long seed, double smoothing, boolean invert) {
    this.tasks = tasks;
    this.seed = seed;
    this.smoothing = smoothing;
    this.invert = invert;
    for (TaskName name : tasks.names()) {
      priors.put(name, new Counts());
      tokens.put(name, new TreeMap<>());
    }
  }

  /** A copy that keeps the counts and takes new settings (used to fine-tune). */
  FakeModelData continued(long newSeed, double newSmoothing, boolean newInvert) {
    FakeModelData copy = new FakeModelData(tasks, newSeed, newSmoothing, newInvert);
    priors.forEach((task, counts) -> copy.priors.get(task).add(counts));
    tokens.forEach(
        (task, byToken) ->
            byToken.forEach(
                (token, counts) ->
                    copy.tokens.get(task).computeIfAbsent(token, t -> new Counts()).add(counts)));
    return copy;
  }

  static List<String> titleTokens(Resource resource) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String token : resource.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        distinct.add(token);
      }
    }
    return List.copyOf(distinct);
  }

  void learn(Resource resource, Map<TaskName, Label> labels) {
    List<String> titleTokens = titleTokens(resource);
    labels.forEach(
        (task, label) -> {
          Counts prior = priors.get(task);
          if (prior == null) {
            return;
          }
          prior.add(label);
          Map<String, Counts> byToken = tokens.get(task);
          for (String token : titleTokens) {
            byToken.computeIfAbsent(token, t -> new Counts()).add(label);
          }
        });
  }

  double probability(TaskName task, Resource resource) {
    Counts prior = priors.get(task);
    double priorRate = (prior.positive + 1.0) / (prior.total + 2.0);
    Map<String, Counts> byToken = tokens.get(task);
    double sum = 0;
    int known = 0;
    for (String token : titleTokens(resource)) {
      Counts counts = byToken.get(token);
      if (counts != null && counts.total > 0) {
        sum += (counts.positive + smoothing * priorRate) / (counts.total + smoothing);
        known++;
      }
    }
    double p = known == 0 ? priorRate : sum / known;
    return invert ? 1 - p : p;
  }

  byte[] encode() {
    StringBuilder out = new StringBuilder(MAGIC).append('\n');
    out.append("seed ").append(seed).append('\n');
    out.append("smoothing ").append(smoothing).append('\n');
    out.append("invert ").append(invert).append('\n');
    for (Task task : tasks.tasks()) {
      out.append("task ")
          .append(enc(task.name().value())).append(' ')
          .append(enc(task.metric())).append(' ')
          .append(task.direction()).append(' ')
          .append(task.reference()).append(' ')
          .append(task.minImpressions()).append(' ')
          .append(task.weight()).append('\n');
    }
    priors.forEach(
        (task, counts) ->
            out.append("prior ").append(enc(task.value())).append(' ')
                .append(counts.positive).append(' ').append(counts.total).append('\n'));
    tokens.forEach(
        (task, byToken) ->
            byToken.forEach(
                (token, counts) ->
                    out.append("token ").append(enc(task.value())).append(' ')
                        .append(enc(token)).append(' ')
                        .append(counts.positive).append(' ').append(counts.total).append('\n')));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static FakeModelData decode(byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
    if (lines.length < 4 || !lines[0].equals(MAGIC)) {
      throw new IllegalArgumentException("not a fake quality model artifact");
    }
    try {
      long seed = Long.parseLong(value(lines[1], "seed"));
      double smoothing = Double.parseDouble(value(lines[2], "smoothing"));
      boolean invert = Boolean.parseBoolean(value(lines[3], "invert"));
      List<Task> taskList = new ArrayList<>();
      int i = 4;
      for (; i < lines.length && lines[i].startsWith("task "); i++) {
        String[] f = lines[i].split(" ");
        taskList.add(
            new Task(
                TaskName.of(dec(f[1])), dec(f[2]), Direction.valueOf(f[3]),
                ReferenceStatistic.valueOf(f[4]), Long.parseLong(f[5]),
                Double.parseDouble(f[6])));
      }
      FakeModelData data = new FakeModelData(new TaskSet(taskList), seed, smoothing, invert);
      for (; i < lines.length; i++) {
        String[] f = lines[i].split(" ");
        TaskName task = TaskName.of(dec(f[1]));
        Counts counts =
            switch (f[0]) {
              case "prior" -> data.priors.get(task);
              case "token" -> data.tokens.get(task).computeIfAbsent(dec(f[2]), t -> new Counts());
              default -> throw new IllegalArgumentException("unknown line '" + lines[i] + "'");
            };
        counts.positive = Long.parseLong(f[f.length - 2]);
        counts.total = Long.parseLong(f[f.length - 1]);
      }
      return data;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "corrupt fake quality model artifact: " + e.getMessage(), e);
    }
  }

  private static String value(String line, String key) {
    if (!line.startsWith(key + " ")) {
      throw new IllegalArgumentException("expected '" + key + "' but read '" + line + "'");
    }
    return line.substring(key.length() + 1);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String dec(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
