package io.mmq.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How to reach the database (R18): a JDBC URL (the embedded H2 file database by default, see {@link
 * #embedded}, or PostgreSQL), credentials, pool size, how long a caller waits for a connection
 * before the call fails as "storage unavailable", the fetch size of streaming reads, the JDBC batch
 * size of writes, and optionally the schema to use.
 *
 * <p>{@link #from(Map)} reads the keys {@value #KEYS_TEXT}; any other key is an error.
 */
public record DatabaseConfig(
    String url,
    String user,
    String password,
    int poolSize,
    Duration connectionTimeout,
    int fetchSize,
    int batchSize,
    Optional<String> schema) {

  public static final String DEFAULT_USER = "sa";
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_FETCH_SIZE = 1_000;
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  /**
   * H2 settings that keep the SQL portable to PostgreSQL: its compatibility mode, lower-case
   * identifiers, NULLs sorted last as PostgreSQL does.
   */
  public static final String H2_SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * H2's automatic mixed mode for the embedded file database: the first process opens the file and
   * serves it over a local TCP port, later processes on the same data directory connect through it
   * (and one of them takes over when it exits). H2 refuses this mode together with {@code
   * DB_CLOSE_ON_EXIT=FALSE}, so the database also closes on JVM exit, as H2 does by default.
   */
  static final String H2_FILE_SETTINGS = ";AUTO_SERVER=TRUE";

  static final String KEYS_TEXT =
      "url, user, password, pool-size, connection-timeout-ms, fetch-size, batch-size, schema";
  private static final Set<String> KEYS = Set.of(KEYS_TEXT.split(", "));

  public DatabaseConfig {
    Objects.requireNonNull(url, "url is null");
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "url must be a jdbc:h2: or jdbc:postgresql: URL, was '" + url + "'");
    }
    Objects.requireNonNull(user, "user is null");
    Objects.requireNonNull(password, "password is null");
    // a streaming read holds one connection while its consumer may use another
    requireBetween(poolSize, 2, 1_000, "pool-size");
    Objects.requireNonNull(connectionTimeout, "connectionTimeout is null");
    if (connectionTimeout.toMillis() < 250
        || connectionTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "connection-timeout-ms must be in [250, 600000], was " + connectionTimeout.toMillis());
    }
    requireBetween(fetchSize, 1, 100_000, "fetch-size");
    requireBetween(batchSize, 1, 100_000, "batch-size");
    Objects.requireNonNull(schema, "schema is null");
    schema.ifPresent(
        name -> {
          if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(
                "schema must be a lower-case SQL identifier, was '" + name + "'");
          }
        });
  }

  /** A database at {@code url} with the default settings. */
  public static DatabaseConfig of(String url, String user, String password) {
    return new DatabaseConfig(
        url,
        user,
        password,
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT,
        DEFAULT_FETCH_SIZE,
        DEFAULT_BATCH_SIZE,
        Optional.empty());
  }

  /** The embedded H2 file database {@code mmq} in {@code dataDir}, with the default settings. */
  public static DatabaseConfig embedded(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir is null");
    return of(h2Url(dataDir), DEFAULT_USER, "");
  }

  /**
   * The JDBC URL of the embedded H2 file database in {@code dataDir}, which several processes may
   * use at once (see {@link #H2_FILE_SETTINGS}).
   */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath().resolve("mmq")
        + H2_SETTINGS
        + H2_FILE_SETTINGS;
  }

  /**
   * Reads a configuration from named settings; {@code url} is required, the rest default.
   *
   * @throws IllegalArgumentException naming an unknown key, a missing url or a bad value
   */
  public static DatabaseConfig from(Map<String, String> settings) {
    Objects.requireNonNull(settings, "settings is null");
    Set<String> unknown = new TreeSet<>(settings.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown database setting(s) " + unknown + "; known: " + KEYS_TEXT);
    }
    String url = settings.get("url");
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database setting 'url' is missing");
    }
    return new DatabaseConfig(
        url,
        settings.getOrDefault("user", DEFAULT_USER),
        settings.getOrDefault("password", ""),
        number(settings, "pool-size", DEFAULT_POOL_SIZE, Integer::parseInt),
        Duration.ofMillis(
            number(
                settings,
                "connection-timeout-ms",
                DEFAULT_CONNECTION_TIMEOUT.toMillis(),
                Long::parseLong)),
        number(settings, "fetch-size", DEFAULT_FETCH_SIZE, Integer::parseInt),
        number(settings, "batch-size", DEFAULT_BATCH_SIZE, Integer::parseInt),
        Optional.ofNullable(settings.get("schema")));
  }

  public DatabaseConfig withPoolSize(int newPoolSize) {
    return new DatabaseConfig(
        url, user, password, newPoolSize, connectionTimeout, fetchSize, batchSize, schema);
  }

  public DatabaseConfig withConnectionTimeout(Duration newTimeout) {
    return new DatabaseConfig(
        url, user, password, poolSize, newTimeout, fetchSize, batchSize, schema);
  }

  public DatabaseConfig withSchema(String newSchema) {
    return new DatabaseConfig(
        url,
        user,
        password,
        poolSize,
        connectionTimeout,
        fetchSize,
        batchSize,
        Optional.of(newSchema));
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", poolSize="
        + poolSize
        + ", connectionTimeout="
        + connectionTimeout
        + ", fetchSize="
        + fetchSize
        + ", batchSize="
        + batchSize
        + ", schema="
        + schema.orElse("(default)")
        + "]";
  }

  private static <T extends Number> T number(
      Map<String, String> values, String key, T fallback, Function<String, T> parse) {
    String text = values.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return parse.apply(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "database setting '" + key + "' must be a whole number, was '" + text + "'");
    }
  }

  private static void requireBetween(long value, long min, long max, String key) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be in [" + min + ", " + max + "], was " + value);
    }
  }
}
