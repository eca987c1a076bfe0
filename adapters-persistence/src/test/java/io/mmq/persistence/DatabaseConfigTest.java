package io.mmq.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void onlyTheUrlIsRequiredAndTheRestDefaults() {
    DatabaseConfig config = DatabaseConfig.from(Map.of("url", "jdbc:postgresql://db:5432/mmq"));

    assertThat(config)
        .isEqualTo(
            new DatabaseConfig(
                "jdbc:postgresql://db:5432/mmq",
                "sa",
                "",
                10,
                Duration.ofSeconds(5),
                1_000,
                1_000,
                Optional.empty()));
    assertThat(config.isPostgres()).isTrue();
  }

  @Test
  void readsEveryKnownSetting() {
    DatabaseConfig config =
        DatabaseConfig.from(
            Map.of(
                "url",
                "jdbc:postgresql://db:5432/mmq",
                "user",
                "mmq",
                "password",
                "secret",
                "pool-size",
                "20",
                "connection-timeout-ms",
                "1500",
                "fetch-size",
                "500",
                "batch-size",
                "250",
                "schema",
                "tenant_1"));

    assertThat(config)
        .isEqualTo(
            new DatabaseConfig(
                "jdbc:postgresql://db:5432/mmq",
                "mmq",
                "secret",
                20,
                Duration.ofMillis(1_500),
                500,
                250,
                Optional.of("tenant_1")));
  }

  @Test
  void unknownKeysAreRejectedByName() {
    assertThatThrownBy(
            () -> DatabaseConfig.from(Map.of("url", "jdbc:h2:mem:x", "poolsize", "3", "usr", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[poolsize, usr]")
        .hasMessageContaining("pool-size");
  }

  @Test
  void badValuesAreRejectedByName() {
    assertThatThrownBy(() -> DatabaseConfig.from(Map.of()))
        .hasMessageContaining("'url' is missing");
    assertThatThrownBy(() -> DatabaseConfig.from(Map.of("url", "jdbc:mysql://db/mmq")))
        .hasMessageContaining("jdbc:h2: or jdbc:postgresql:");
    assertThatThrownBy(
            () -> DatabaseConfig.from(Map.of("url", "jdbc:h2:mem:x", "pool-size", "ten")))
        .hasMessageContaining("'pool-size' must be a whole number, was 'ten'");
    assertThatThrownBy(() -> DatabaseConfig.from(Map.of("url", "jdbc:h2:mem:x", "pool-size", "1")))
        .hasMessageContaining("pool-size must be in [2, 1000], was 1");
    assertThatThrownBy(
            () ->
                DatabaseConfig.from(Map.of("url", "jdbc:h2:mem:x", "connection-timeout-ms", "100")))
        .hasMessageContaining("connection-timeout-ms must be in [250, 600000], was 100");
    assertThatThrownBy(
            () -> DatabaseConfig.from(Map.of("url", "jdbc:h2:mem:x", "schema", "Robert'); DROP")))
        .hasMessageContaining("schema must be a lower-case SQL identifier");
  }

  @Test
  void theEmbeddedDatabaseIsAnH2FileInTheDataDirectoryWithPortableSettingsInMixedMode() {
    DatabaseConfig config = DatabaseConfig.embedded(Path.of("/var/lib/mmq"));

    assertThat(config.url())
        .isEqualTo(
            "jdbc:h2:file:/var/lib/mmq/mmq;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
    assertThat(config.isPostgres()).isFalse();
  }

  @Test
  void theTextFormNeverShowsThePassword() {
    DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://db/mmq", "mmq", "s3cret");

    assertThat(config.toString()).contains("password=***").doesNotContain("s3cret");
  }
}
