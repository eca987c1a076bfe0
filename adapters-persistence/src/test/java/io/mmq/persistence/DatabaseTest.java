package io.mmq.persistence;

import static io.mmq.core.testing.builder.ResourceBuilder.aResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.resource.model.ResourceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
