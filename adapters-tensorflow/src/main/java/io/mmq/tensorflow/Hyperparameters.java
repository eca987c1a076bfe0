package io.mmq.tensorflow;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a {@link ModelConfig} from hyperparameter strings ({@code embeddingDim=16}, {@code
 * channel.image=false}, {@code gate=SHARED}, {@code lossThreshold.ctr=0.2}) and writes it back.
 * Unknown keys and bad values are rejected with the key, the allowed values and the value given.
 */
final class Hyperparameters {
  static final String TASK_THRESHOLD_PREFIX = "lossThreshold.";

  private Hyperparameters() {}

  /** Parses {@code values} over the defaults. */
  static ModelConfig parse(Map<String, String> values, Collection<String> taskNames) {
    return parse(values, ModelConfig.DEFAULTS, taskNames);
  }

  /** Parses {@code values} over {@code base}: absent keys keep the base's value. */
  static ModelConfig parse(
      Map<String, String> values, ModelConfig base, Collection<String> taskNames) {
    Reader r = new Reader(values);
    ModelConfig.Limits l = base.limits();
    var limits =
        new ModelConfig.Limits(
            r.integer("hashBuckets", l.hashBuckets(), 16, 1 << 22),
            r.integer("categoricalBuckets", l.categoricalBuckets(), 16, 1 << 20),
            r.integer("maxTitleWords", l.maxTitleWords(), 1, 256),
            r.integer("maxTagWords", l.maxTagWords(), 1, 256),
            r.integer("maxSentences", l.maxSentences(), 1, 64),
            r.integer("maxWords", l.maxWords(), 1, 256),
            r.integer("maxImages", l.maxImages(), 1, 32),
            r.integer("maxLayout", l.maxLayout(), 1, 512),
            r.integer("maxAtomic", l.maxAtomic(), 1, 1024),
            r.integer("maxCategorical", l.maxCategorical(), 1, 256),
            r.integer("wideBuckets", l.wideBuckets(), 16, 1 << 22));
    ModelConfig.Dimensions d = base.dimensions();
    var dimensions =
        new ModelConfig.Dimensions(
            r.integer("embeddingDim", d.embeddingDim(), 2, 256),
            r.integer("lstmUnits", d.lstmUnits(), 2, 256),
            r.integer("convFilters", d.convFilters(), 2, 256),
            r.integer("imageFilters", d.imageFilters(), 2, 128),
            r.integer("fieldDim", d.fieldDim(), 2, 128),
            r.integer("crossLayers", d.crossLayers(), 0, 8),
            r.integer("experts", d.experts(), 1, 32),
            r.integer("expertDim", d.expertDim(), 2, 512),
            r.integer("towerDim", d.towerDim(), 2, 512));
    Channels c = base.channels();
    var channels =
        new Channels(
            r.flag("channel.title", c.title()),
            r.flag("channel.tags", c.tags()),
            r.flag("channel.body", c.body()),
            r.flag("channel.fusion", c.fusion()),
            r.flag("channel.image", c.image()),
            r.flag("channel.style", c.style()),
            r.flag("channel.atomic", c.atomic()),
            r.flag("channel.categorical", c.categorical()),
            r.flag("channel.wide", c.wide()));
    GateMode gate = r.choice("gate", GateMode.class, base.gate());
    CrossMode cross = r.choice("cross", CrossMode.class, base.cross());
    ModelConfig.Schedule s = base.schedule();
    double learningRate = r.decimal("learningRate", s.learningRate(), 1e-6, 1.0);
    int batchSize = r.integer("batchSize", s.batchSize(), 1, 4096);
    int steps = r.integer("steps", s.steps(), 1, 10_000_000);
    int evalEvery = r.integer("evalEvery", s.evalEvery(), 1, 1_000_000);
    int patience = r.integer("patience", s.patience(), 0, 1000);
    double lossThreshold = r.decimal("lossThreshold", s.lossThreshold(), 0.0, 100.0);
    Map<String, Double> taskThresholds = new TreeMap<>(s.taskLossThresholds());
    for (String key : new TreeSet<>(values.keySet())) {
      if (key.startsWith(TASK_THRESHOLD_PREFIX)) {
        String task = key.substring(TASK_THRESHOLD_PREFIX.length());
        if (!taskNames.contains(task)) {
          throw new IllegalArgumentException(
              "hyperparameter '" + key + "' names an unknown task '" + task + "' (tasks: "
                  + String.join(", ", new TreeSet<>(taskNames)) + ")");
        }
        taskThresholds.put(task, r.decimal(key, lossThreshold, 0.0, 100.0));
      }
    }
    int shuffleBuffer = r.integer("shuffleBuffer", s.shuffleBuffer(), 1, 1_000_000);
    double weightDecay = r.decimal("weightDecay", s.weightDecay(), 0.0, 1000.0);
    r.rejectUnknown();
    var schedule =
        new ModelConfig.Schedule(
            learningRate, batchSize, steps, evalEvery, patience, lossThreshold, taskThresholds,
            shuffleBuffer, weightDecay);
    try {
      return new ModelConfig(limits, dimensions, channels, gate, cross, schedule);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("hyperparameters: " + e.getMessage(), e);
    }
  }

  /** Every key and its value, defaults included, in a stable order; {@link #parse} reads it back. */
  static Map<String, String> toMap(ModelConfig config) {
    Map<String, String> m = new LinkedHashMap<>();
    ModelConfig.Limits l = config.limits();
    m.put("hashBuckets", Integer.toString(l.hashBuckets()));
    m.put("categoricalBuckets", Integer.toString(l.categoricalBuckets()));
    m.put("maxTitleWords", Integer.toString(l.maxTitleWords()));
    m.put("maxTagWords", Integer.toString(l.maxTagWords()));
    m.put("maxSentences", Integer.toString(l.maxSentences()));
    m.put("maxWords", Integer.toString(l.maxWords()));
    m.put("maxImages", Integer.toString(l.maxImages()));
    m.put("maxLayout", Integer.toString(l.maxLayout()));
    m.put("maxAtomic", Integer.toString(l.maxAtomic()));
    m.put("maxCategorical", Integer.toString(l.maxCategorical()));
    m.put("wideBuckets", Integer.toString(l.wideBuckets()));
    ModelConfig.Dimensions d = config.dimensions();
    m.put("embeddingDim", Integer.toString(d.embeddingDim()));
    m.put("lstmUnits", Integer.toString(d.lstmUnits()));
    m.put("convFilters", Integer.toString(d.convFilters()));
    m.put("imageFilters", Integer.toString(d.imageFilters()));
    m.put("fieldDim", Integer.toString(d.fieldDim()));
    m.put("crossLayers", Integer.toString(d.crossLayers()));
    m.put("experts", Integer.toString(d.experts()));
    m.put("expertDim", Integer.toString(d.expertDim()));
    m.put("towerDim", Integer.toString(d.towerDim()));
    Channels c = config.channels();
    m.put("channel.title", Boolean.toString(c.title()));
    m.put("channel.tags", Boolean.toString(c.tags()));
    m.put("channel.body", Boolean.toString(c.body()));
    m.put("channel.fusion", Boolean.toString(c.fusion()));
    m.put("channel.image", Boolean.toString(c.image()));
    m.put("channel.style", Boolean.toString(c.style()));
    m.put("channel.atomic", Boolean.toString(c.atomic()));
    m.put("channel.categorical", Boolean.toString(c.categorical()));
    m.put("channel.wide", Boolean.toString(c.wide()));
    m.put("gate", config.gate().name());
    m.put("cross", config.cross().name());
    ModelConfig.Schedule s = config.schedule();
    m.put("learningRate", Double.toString(s.learningRate()));
    m.put("batchSize", Integer.toString(s.batchSize()));
    m.put("steps", Integer.toString(s.steps()));
    m.put("evalEvery", Integer.toString(s.evalEvery()));
    m.put("patience", Integer.toString(s.patience()));
    m.put("lossThreshold", Double.toString(s.lossThreshold()));
    new TreeMap<>(s.taskLossThresholds())
        .forEach((task, value) -> m.put(TASK_THRESHOLD_PREFIX + task, Double.toString(value)));
    m.put("shuffleBuffer", Integer.toString(s.shuffleBuffer()));
    m.put("weightDecay", Double.toString(s.weightDecay()));
    return m;
  }

  /**
   * The first architecture key whose value differs between the two configurations, for a precise
   * error when fine-tuning would change the network's shape.
   */
  static List<String> architectureDifferences(ModelConfig a, ModelConfig b) {
    Map<String, String> ma = toMap(a);
    Map<String, String> mb = toMap(b);
    Set<String> schedule =
        Set.of(
            "learningRate", "batchSize", "steps", "evalEvery", "patience", "lossThreshold",
            "shuffleBuffer", "weightDecay");
    return ma.keySet().stream()
        .filter(k -> !schedule.contains(k) && !k.startsWith(TASK_THRESHOLD_PREFIX))
        .filter(k -> !ma.get(k).equals(mb.get(k)))
        .map(k -> k + " (" + ma.get(k) + " -> " + mb.get(k) + ")")
        .toList();
  }

  /** Reads typed values and remembers which keys were read. */
  private static final class Reader {
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    Reader(Map<String, String> values) {
      this.values = values;
    }

    int integer(String key, int fallback, int min, int max) {
      read.add(key);
      String raw = values.get(key);
      if (raw == null) {
        return fallback;
      }
      try {
        int v = Integer.parseInt(raw.trim());
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(key, "an integer in [" + min + ", " + max + "]", raw);
    }

    double decimal(String key, double fallback, double min, double max) {
      read.add(key);
      String raw = values.get(key);
      if (raw == null) {
        return fallback;
      }
      try {
        double v = Double.parseDouble(raw.trim());
        if (Double.isFinite(v) && v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(key, "a number in [" + min + ", " + max + "]", raw);
    }

    boolean flag(String key, boolean fallback) {
      read.add(key);
      String raw = values.get(key);
      if (raw == null) {
        return fallback;
      }
      return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw bad(key, "true or false", raw);
      };
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
      read.add(key);
      String raw = values.get(key);
      if (raw == null) {
        return fallback;
      }
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(raw.trim())) {
          return constant;
        }
      }
      List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      throw bad(key, "one of " + String.join(", ", names), raw);
    }

    void rejectUnknown() {
      Set<String> unknown = new TreeSet<>(values.keySet());
      unknown.removeAll(read);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown hyperparameter" + (unknown.size() > 1 ? "s " : " ")
                + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList())
                + " (known: " + String.join(", ", new TreeSet<>(read)) + ", "
                + TASK_THRESHOLD_PREFIX + "<task>)");
      }
    }

    private static IllegalArgumentException bad(String key, String expected, String raw) {
      return new IllegalArgumentException(
          "hyperparameter '" + key + "' must be " + expected + ", was '" + raw + "'");
    }
  }
}
