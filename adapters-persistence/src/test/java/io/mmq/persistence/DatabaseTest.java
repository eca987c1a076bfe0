package io.mmq.persistence;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.registry.model.ModelRecord;
import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.training.model.JobId;
import io.mmq.core.training.model.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path directory;

  @Test
  void theFirstOpenCreatesTheSchemaAndLaterOpensKeepTheData() {
    try (Database first = TestDatabases.h2(directory)) {
      assertThat(first.migrationsApplied()).isEqualTo(2);
      new JdbcResources(new Jdbc(first.dataSource(), 10, 10))
          .upsertAll(List.of(aResource().withId("a-1").build()));
    }
    assertThat(Files.exists(directory.resolve("mmq.mv.db"))).isTrue();

    try (Database second = TestDatabases.h2(directory)) {
      assertThat(second.migrationsApplied()).isZero();
      assertThat(
              new JdbcResources(new Jdbc(second.dataSource(), 10, 10)).find(ResourceId.of("a-1")))
          .isPresent();
    }
  }

  @Test
  void aVersion1DatabaseMigratesWithUnknownActivationTimesAndJobKinds() throws Exception {
    DatabaseConfig config = DatabaseConfig.embedded(directory);
    Flyway.configure()
        .dataSource(config.url(), config.user(), config.password())
        .locations(Database.MIGRATIONS)
        .placeholders(
            Map.of("resource_id_type", "VARCHAR(256)", "binary_type", "BINARY LARGE OBJECT"))
        .target("1")
        .load()
        .migrate();
    try (Connection connection =
            DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO models (version, status, active_marker, data_window_start_ns,"
              + " data_window_end_ns, seed, hyperparameters, metrics, trained_at_ns, checksum,"
              + " artifact_size, chunk_count, created_at_ns)"
              + " VALUES ('m-1', 'ACTIVE', TRUE, 0, 86400000000000, 7, '{}', '{}', 5, '"
              + "0".repeat(64)
              + "', 0, 0, 5)");
      statement.executeUpdate(
          "INSERT INTO model_tasks (version, position, name, metric, direction, reference,"
              + " min_impressions, weight)"
              + " VALUES ('m-1', 0, 'ctr', 'ctr', 'HIGHER_IS_BETTER', 'MEAN', 10, 1.0)");
      statement.executeUpdate(
          "INSERT INTO training_jobs (id, window_start_ns, window_end_ns, state, step,"
              + " total_steps, result_version, created_at_ns, updated_at_ns)"
              + " VALUES ('job-1', 0, 86400000000000, 'SUCCEEDED', 3, 3, 'm-1', 1, 5)");
    }

    try (Database migrated = TestDatabases.h2(directory)) {
      assertThat(migrated.migrationsApplied()).isEqualTo(1);
      Jdbc jdbc = new Jdbc(migrated.dataSource(), 10, 10);
      ModelRecord model = new JdbcModelRegistry(jdbc).active().orElseThrow();
      TrainingJob job = new JdbcTrainingJobs(jdbc).find(new JobId("job-1")).orElseThrow();

      assertThat(model.version()).isEqualTo(ModelVersion.of("m-1"));
      assertThat(model.activatedAt()).isEmpty();
      assertThat(job.kind()).isEmpty();
      assertThat(job.result()).contains(ModelVersion.of("m-1"));
    }
  }

  @Test
  void anUnreachableServerIsReportedAsStorageUnavailable() {
    // nothing listens on port 1
    DatabaseConfig config =
        DatabaseConfig.of("jdbc:postgresql://127.0.0.1:1/mmq", "postgres", "postgres")
            .withConnectionTimeout(Duration.ofMillis(500));

    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/mmq");
  }

  @Test
  void callsAfterCloseFailClearly() {
    Database database = TestDatabases.h2(directory);
    JdbcResources resources = new JdbcResources(new Jdbc(database.dataSource(), 10, 10));
    database.close();

    assertThatThrownBy(resources::count)
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("counting resources");
  }
}
