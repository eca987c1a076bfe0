package io.mmq.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.mmq.app.config.MmqConfig;
import io.mmq.app.wiring.CoreModule;
import io.mmq.grpc.server.GrpcModule;
import io.mmq.persistence.Database;
import io.mmq.persistence.DatabaseConfig;
import io.mmq.persistence.PersistenceModule;
import io.mmq.tensorflow.TensorflowModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled application: owns the database (opened and migrated first) and the injector built
 * over it; {@link #close()} releases them in reverse order.
 */
public final class Application implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Application.class);

  private final MmqConfig config;
  private final Database database;
  private final Injector injector;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private Application(MmqConfig config, Database database, Injector injector) {
    this.config = config;
    this.database = database;
    this.injector = injector;
  }

  /** Opens the configured database (embedded H2 under the data dir unless {@code db.url} is set). */
  public static Application open(MmqConfig config) {
    Objects.requireNonNull(config, "config is null");
    DatabaseConfig databaseConfig = databaseConfig(config);
    Database database = Database.open(databaseConfig);
    try {
      Injector injector =
          Guice.createInjector(
              Stage.PRODUCTION,
              new CoreModule(config),
              new io.mmq.app.wiring.LimitsModule(config),
              new PersistenceModule(database),
              new TensorflowModule(),
              new GrpcModule());
      log.debug("application open on {}", databaseConfig);
      return new Application(config, database, injector);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  static DatabaseConfig databaseConfig(MmqConfig config) {
    Map<String, String> db = config.withPrefix("db");
    if (db.containsKey("url")) {
      return DatabaseConfig.from(db);
    }
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data dir " + config.dataDir() + ": " + e.getMessage(), e);
    }
    Map<String, String> embedded = new java.util.HashMap<>(db);
    embedded.put("url", DatabaseConfig.h2Url(config.dataDir()));
    embedded.putIfAbsent("user", DatabaseConfig.DEFAULT_USER);
    return DatabaseConfig.from(embedded);
  }

  public <T> T get(Class<T> type) {
    return injector.getInstance(type);
  }

  public MmqConfig config() {
    return config;
  }

  public Injector injector() {
    return injector;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      injector.getInstance(io.mmq.core.classification.service.ClassificationService.class).close();
    } catch (RuntimeException e) {
      log.warn("stopping the classification workers failed: {}", e.getMessage());
    }
    try {
      injector.getInstance(io.mmq.core.classification.service.ActiveModelHolder.class).close();
    } catch (RuntimeException e) {
      log.warn("closing the active model failed: {}", e.getMessage());
    }
    database.close();
  }
}
