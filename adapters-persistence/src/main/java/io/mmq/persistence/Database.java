package io.mmq.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.mmq.core.common.StorageUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The open database: a HikariCP pool over the configured URL, with the schema migrated by Flyway
 * (scripts in {@code classpath:db/migration/mmq}). Open it before creating the injector, hand
 * {@link #dataSource()} to {@link PersistenceModule}, and close it on shutdown.
 *
 * <pre>{@code
 * try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
 *   Injector injector = Guice.createInjector(new PersistenceModule(database), ...);
 *   ...
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
  static final String MIGRATIONS = "classpath:db/migration/mmq";

  private final DatabaseConfig config;
  private final HikariDataSource dataSource;
  private final int migrationsApplied;

  private Database(DatabaseConfig config, HikariDataSource dataSource, int migrationsApplied) {
    this.config = config;
    this.dataSource = dataSource;
    this.migrationsApplied = migrationsApplied;
  }

  /**
   * Opens the pool and migrates the schema to the latest version.
   *
   * @throws StorageUnavailableException when the database cannot be reached
   * @throws PersistenceException when the migration fails or the database is not H2 or PostgreSQL
   */
  public static Database open(DatabaseConfig config) {
    Objects.requireNonNull(config, "config is null");
    if (config.url().contains(DatabaseConfig.H2_FILE_SETTINGS)) {
      // the mixed mode's port listens on the loopback address only (H2 reads this on its start)
      System.getProperties().putIfAbsent("h2.bindAddress", "127.0.0.1");
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari(config));
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException sql && !SqlFailures.isUnavailable(sql)) {
        throw SqlFailures.translate("opening " + describe(config), sql);
      }
      throw new StorageUnavailableException(
          "database unavailable: cannot open " + describe(config) + ": " + rootMessage(e), e);
    }
    try {
      return new Database(config, dataSource, migrate(dataSource, config));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DatabaseConfig config() {
    return config;
  }

  /** How many migrations this open applied (0 when the schema was already current). */
  public int migrationsApplied() {
    return migrationsApplied;
  }

  /** Closes every pooled connection; with H2 this closes the database file. */
  @Override
  public void close() {
    dataSource.close();
  }

  private static HikariConfig hikari(DatabaseConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("mmq-db");
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(Math.min(2, config.poolSize()));
    hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
    // a broken connection is detected within the caller's wait, then replaced by a new one
    hikari.setValidationTimeout(Math.max(250, config.connectionTimeout().toMillis() / 2));
    config.schema().ifPresent(hikari::setSchema);
    return hikari;
  }

  private static int migrate(DataSource dataSource, DatabaseConfig config) {
    String vendor;
    try (Connection connection = dataSource.getConnection()) {
      vendor = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw SqlFailures.translate("opening " + describe(config), e);
    }
    Map<String, String> placeholders =
        switch (vendor) {
          case "PostgreSQL" ->
              Map.of("resource_id_type", "VARCHAR(256) COLLATE \"C\"", "binary_type", "BYTEA");
          case "H2" ->
              Map.of("resource_id_type", "VARCHAR(256)", "binary_type", "BINARY LARGE OBJECT");
          default ->
              throw new PersistenceException(
                  "unsupported database " + vendor + ": mmq runs on H2 and PostgreSQL", null);
        };
    try {
      var flyway =
          Flyway.configure()
              .dataSource(dataSource)
              .locations(MIGRATIONS)
              .placeholders(placeholders);
      config.schema().ifPresent(schema -> flyway.schemas(schema).createSchemas(true));
      MigrateResult result = flyway.load().migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      if (e.getCause() instanceof SQLException sql && SqlFailures.isUnavailable(sql)) {
        throw SqlFailures.translate("migrating " + describe(config), sql);
      }
      throw new PersistenceException(
          "migrating the schema of " + describe(config) + " failed: " + e.getMessage(), e);
    }
  }

  private static String describe(DatabaseConfig config) {
    int parameters = config.url().indexOf(';');
    return parameters < 0 ? config.url() : config.url().substring(0, parameters);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
  }
}
