package io.mmq.app.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The application's settings, merged from defaults, a properties file, the environment ({@code
 * MMQ_DB_URL} for {@code db.url}, {@code MMQ_SERVER_PORT} for {@code server.port}...) and command
 * line flags, later sources winning. Unknown keys are rejected wherever they come from, so that a
 * typo never silently falls back to a default.
 */
public final class MmqConfig {
  /** Every key with its default ("" where there is none). */
  static final Map<String, String> DEFAULTS = defaults();

  /** Environment variables with the MMQ_ prefix that are not settings (launcher and tests). */
  private static final Set<String> ENV_NOT_SETTINGS = Set.of("MMQ_JAVA_OPTS", "MMQ_REQUIRE_PG");

  private final Map<String, String> values;

  private MmqConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("data.dir", "./mmq-data");
    d.put("db.url", "");
    d.put("db.user", "");
    d.put("db.password", "");
    d.put("db.schema", "");
    d.put("db.pool-size", "10");
    d.put("db.connection-timeout-ms", "5000");
    d.put("db.fetch-size", "1000");
    d.put("db.batch-size", "1000");
    d.put("server.host", "0.0.0.0");
    d.put("server.port", "50051");
    d.put("server.max-message-bytes", "67108864");
    d.put("server.tls.cert-file", "");
    d.put("server.tls.key-file", "");
    d.put("auth.tokens", "");
    d.put("auth.token-file", "");
    d.put("auth.protect-serving", "false");
    d.put("metrics.host", "0.0.0.0");
    d.put("metrics.port", "9464");
    d.put("classify.aggregation", "MAJORITY");
    d.put("rerank.boost", "1.2");
    d.put("rerank.demotion", "0.8");
    d.put("rerank.filter-low-quality", "false");
    d.put("validation.coincidence-threshold", "0.5");
    d.put("validation.accuracy-threshold", "0.7");
    d.put("retrain.period-days", "5");
    d.put("retrain.enabled", "true");
    d.put("retrain.check-interval-minutes", "60");
    d.put("limits.max-title-chars", "1000");
    d.put("limits.max-block-text-chars", "100000");
    d.put("limits.max-image-bytes", "8388608");
    d.put("limits.max-image-pixels", "40000000");
    d.put("limits.max-image-side", "20000");
    d.put("limits.max-resources-per-request", "10000");
    d.put("serving.model-poll-ms", "1000");
    d.put("serving.batch.max-size", "64");
    d.put("serving.batch.max-delay-ms", "2");
    d.put("serving.batch.workers", "2");
    d.put("serving.queue.capacity", "4096");
    d.put("serving.cache.entries", "100000");
    return d;
  }

  public static MmqConfig defaultsOnly() {
    return new MmqConfig(DEFAULTS);
  }

  /**
   * Merges the sources.
   *
   * @throws IllegalArgumentException naming the unknown key and where it came from
   */
  public static MmqConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    file.ifPresent(path -> merged.putAll(checked(readProperties(path), "config file " + path)));
    merged.putAll(checked(fromEnvironment(environment), "environment"));
    merged.putAll(checked(flags, "flags"));
    return new MmqConfig(merged);
  }

  private static Map<String, String> readProperties(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
    Map<String, String> map = new TreeMap<>();
    properties.forEach((k, v) -> map.put(k.toString().trim(), v.toString().trim()));
    return map;
  }

  /** Environment variables MMQ_X_Y map onto the key whose name upper-cased with '_' is X_Y. */
  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> byEnvName =
        DEFAULTS.keySet().stream().collect(Collectors.toMap(MmqConfig::envName, k -> k));
    Map<String, String> result = new TreeMap<>();
    for (var entry : environment.entrySet()) {
      String name = entry.getKey();
      if (!name.startsWith("MMQ_") || ENV_NOT_SETTINGS.contains(name) || name.startsWith("MMQ_TEST_")) {
        continue;
      }
      String key = byEnvName.get(name);
      result.put(key == null ? name : key, entry.getValue());
    }
    return result;
  }

  static String envName(String key) {
    return "MMQ_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Map<String, String> checked(Map<String, String> source, String origin) {
    Set<String> unknown = new TreeSet<>(source.keySet());
    unknown.removeAll(DEFAULTS.keySet());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown setting(s) " + unknown + " in " + origin + "; known: " + DEFAULTS.keySet());
    }
    return source;
  }

  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("unknown setting '" + key + "'");
    }
    return value;
  }

  public Optional<String> optional(String key) {
    String value = get(key);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  public int getInt(String key) {
    try {
      return Integer.parseInt(get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a whole number, was '" + get(key) + "'");
    }
  }

  public double getDouble(String key) {
    try {
      double value = Double.parseDouble(get(key));
      if (!Double.isFinite(value)) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be a finite number, was '" + get(key) + "'");
    }
  }

  public boolean getBoolean(String key) {
    String value = get(key).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("setting " + key + " must be true or false, was '" + get(key) + "'");
    }
    return Boolean.parseBoolean(value);
  }

  public Path dataDir() {
    return Path.of(get("data.dir"));
  }

  /** The settings under a prefix, without it: {@code withPrefix("db")} gives {@code url}, ... */
  public Map<String, String> withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix is null");
    Map<String, String> result = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + ".") && !v.isEmpty()) {
            result.put(k.substring(prefix.length() + 1), v);
          }
        });
    return result;
  }

  public MmqConfig with(String key, String value) {
    checked(Map.of(key, value), "override");
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new MmqConfig(copy);
  }
}
