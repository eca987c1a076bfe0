package io.mmq.tensorflow;

import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tensorflow.TensorFlow;

/**
 * The artifact's byte layout, format {@value #FORMAT} version {@value #VERSION}: a zip of {@code
 * manifest.properties} (format, version, TensorFlow version, hash function, SHA-256 of the
 * weights), {@code config.properties} (every hyperparameter), {@code features.properties},
 * {@code tasks.properties}, {@code weights.bin} ({@link Weights}), {@code metrics.properties} and
 * {@code provenance.properties}. Entries have a fixed order and time and properties are sorted,
 * so the same model always gives the same bytes (and checksum).
 */
final class ArtifactFormat {
  static final String FORMAT = "mmq-multitask-tf";
  static final int VERSION = 1;
  private static final long MAX_ENTRY = 1L << 31;

  private ArtifactFormat() {}

  static byte[] write(ArtifactContents c) {
    byte[] weights = c.weights().toBytes();
    Map<String, String> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("formatVersion", Integer.toString(VERSION));
    manifest.put("tensorflowVersion", TensorFlow.version());
    manifest.put("hash", TokenHasher.NAME);
    manifest.put("hashSeed", Integer.toString(TokenHasher.SEED));
    manifest.put("weightsSha256", ModelArtifact.sha256(weights));
    manifest.put("parameters", Long.toString(c.weights().parameterCount()));
    Map<String, String> metrics = new TreeMap<>();
    c.metrics().forEach((k, v) -> metrics.put(k, Double.toString(v)));
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, "manifest.properties", properties(manifest));
      put(zip, "config.properties", properties(Hyperparameters.toMap(c.config())));
      put(zip, "features.properties", properties(features(c.spec())));
      put(zip, "tasks.properties", properties(tasks(c.tasks())));
      put(zip, "weights.bin", weights);
      put(zip, "metrics.properties", properties(metrics));
      put(zip, "provenance.properties", properties(c.provenance()));
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and checks an artifact: format and version, the weights' checksum, every entry present
   * and well-formed. Shapes are checked when the network is built from it.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static ArtifactContents read(byte[] artifact) {
    Map<String, byte[]> entries = unzip(artifact);
    Map<String, String> manifest = properties(entries, "manifest.properties");
    if (!FORMAT.equals(manifest.get("format"))) {
      throw new IllegalArgumentException(
          "model artifact: format is '" + manifest.get("format") + "', expected '" + FORMAT + "'");
    }
    if (!Integer.toString(VERSION).equals(manifest.get("formatVersion"))) {
      throw new IllegalArgumentException(
          "model artifact: format version " + manifest.get("formatVersion")
              + " is not supported (this build reads version " + VERSION + ")");
    }
    if (!TokenHasher.NAME.equals(manifest.get("hash"))
        || !Integer.toString(TokenHasher.SEED).equals(manifest.get("hashSeed"))) {
      throw new IllegalArgumentException(
          "model artifact: hash '" + manifest.get("hash") + "' seed " + manifest.get("hashSeed")
              + " is not supported");
    }
    byte[] weightBytes = entry(entries, "weights.bin");
    if (!ModelArtifact.sha256(weightBytes).equals(manifest.get("weightsSha256"))) {
      throw new IllegalArgumentException("model artifact: weights.bin does not match its checksum");
    }
    TaskSet tasks = tasks(properties(entries, "tasks.properties"));
    ModelConfig config =
        Hyperparameters.parse(
            properties(entries, "config.properties"),
            tasks.names().stream().map(TaskName::value).toList());
    Map<String, Double> metrics = new LinkedHashMap<>();
    properties(entries, "metrics.properties").forEach((k, v) -> metrics.put(k, number(v, k)));
    return new ArtifactContents(
        config,
        features(properties(entries, "features.properties")),
        tasks,
        Weights.fromBytes(weightBytes),
        metrics,
        properties(entries, "provenance.properties"));
  }

  private static Map<String, String> features(FeatureSpec spec) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("imageEmbeddingDim", Integer.toString(spec.imageEmbeddingDim()));
    m.put("atomic.count", Integer.toString(spec.atomic().size()));
    for (int i = 0; i < spec.atomic().size(); i++) {
      AtomicNormaliser n = spec.atomic().get(i);
      m.put("atomic." + i + ".name", n.name());
      m.put("atomic." + i + ".kind", n.kind().name());
      m.put("atomic." + i + ".offset", Double.toString(n.offset()));
      m.put("atomic." + i + ".scale", Double.toString(n.scale()));
    }
    m.put("categorical.count", Integer.toString(spec.categorical().size()));
    for (int i = 0; i < spec.categorical().size(); i++) {
      m.put("categorical." + i + ".name", spec.categorical().get(i));
    }
    return m;
  }

  private static FeatureSpec features(Map<String, String> m) {
    List<AtomicNormaliser> atomic = new ArrayList<>();
    for (int i = 0; i < count(m, "atomic.count"); i++) {
      String p = "atomic." + i + ".";
      atomic.add(
          new AtomicNormaliser(
              required(m, p + "name"),
              AtomicNormaliser.Kind.valueOf(required(m, p + "kind")),
              number(required(m, p + "offset"), p + "offset"),
              number(required(m, p + "scale"), p + "scale")));
    }
    List<String> categorical = new ArrayList<>();
    for (int i = 0; i < count(m, "categorical.count"); i++) {
      categorical.add(required(m, "categorical." + i + ".name"));
    }
    return new FeatureSpec(atomic, categorical, count(m, "imageEmbeddingDim"));
  }

  private static Map<String, String> tasks(TaskSet tasks) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("task.count", Integer.toString(tasks.size()));
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.tasks().get(i);
      String p = "task." + i + ".";
      m.put(p + "name", t.name().value());
      m.put(p + "metric", t.metric());
      m.put(p + "direction", t.direction().name());
      m.put(p + "reference", t.reference().name());
      m.put(p + "minImpressions", Long.toString(t.minImpressions()));
      m.put(p + "weight", Double.toString(t.weight()));
    }
    return m;
  }

  private static TaskSet tasks(Map<String, String> m) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < count(m, "task.count"); i++) {
      String p = "task." + i + ".";
      tasks.add(
          new Task(
              TaskName.of(required(m, p + "name")),
              required(m, p + "metric"),
              Direction.valueOf(required(m, p + "direction")),
              ReferenceStatistic.valueOf(required(m, p + "reference")),
              (long) number(required(m, p + "minImpressions"), p + "minImpressions"),
              number(required(m, p + "weight"), p + "weight")));
    }
    return new TaskSet(tasks);
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(0L);
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  private static Map<String, byte[]> unzip(byte[] artifact) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifact))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          if (total > MAX_ENTRY) {
            throw new IllegalArgumentException("model artifact: entry " + e.getName() + " is too large");
          }
          out.write(buffer, 0, n);
        }
        entries.put(e.getName(), out.toByteArray());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("model artifact: not a readable zip (" + e.getMessage() + ")", e);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("model artifact: not a zip or empty");
    }
    return entries;
  }

  private static byte[] entry(Map<String, byte[]> entries, String name) {
    byte[] data = entries.get(name);
    if (data == null) {
      throw new IllegalArgumentException("model artifact: entry " + name + " is missing");
    }
    return data;
  }

  /** Sorted key=value lines, escaped as java.util.Properties does, without the date comment. */
  static byte[] properties(Map<String, String> values) {
    Properties p = new Properties();
    p.putAll(values);
    StringWriter w = new StringWriter();
    try {
      p.store(w, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines =
        w.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList();
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> properties(Map<String, byte[]> entries, String name) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(entry(entries, name), StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("model artifact: " + name + " is malformed", e);
    }
    Map<String, String> m = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
    return m;
  }

  private static String required(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("model artifact: '" + key + "' is missing");
    }
    return v;
  }

  private static int count(Map<String, String> m, String key) {
    double v = number(required(m, key), key);
    if (v < 0 || v != Math.rint(v) || v > 1_000_000) {
      throw new IllegalArgumentException("model artifact: '" + key + "' is not a count: " + v);
    }
    return (int) v;
  }

  private static double number(String value, String key) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("model artifact: '" + key + "' is not a number: " + value, e);
    }
  }
}
