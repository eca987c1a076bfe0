package io.mmq.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmqConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    MmqConfig config = MmqConfig.defaultsOnly();

    assertThat(config.dataDir()).isEqualTo(Path.of("./mmq-data"));
    assertThat(config.getInt("server.port")).isEqualTo(50051);
    assertThat(config.getInt("retrain.period-days")).isEqualTo(5);
    assertThat(config.optional("db.url")).isEmpty();
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mmq.properties");
    Files.writeString(file, "server.port=1000\nrerank.boost=1.5\ndata.dir=/from/file\n");

    MmqConfig config =
        MmqConfig.load(
            Optional.of(file),
            Map.of("MMQ_SERVER_PORT", "2000", "MMQ_DATA_DIR", "/from/env", "PATH", "/bin"),
            Map.of("data.dir", "/from/flag"));

    assertThat(config.getInt("server.port")).isEqualTo(2000);
    assertThat(config.getDouble("rerank.boost")).isEqualTo(1.5);
    assertThat(config.get("data.dir")).isEqualTo("/from/flag");
  }

  @Test
  void environmentNamesMapHyphensAndDots() {
    MmqConfig config =
        MmqConfig.load(Optional.empty(), Map.of("MMQ_DB_POOL_SIZE", "3", "MMQ_JAVA_OPTS", "-Xmx1g"), Map.of());

    assertThat(config.getInt("db.pool-size")).isEqualTo(3);
    assertThat(config.withPrefix("db")).containsEntry("pool-size", "3").doesNotContainKey("url");
  }

  @Test
  void unknownKeysAreRejectedFromEverySource(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "server.prot=1\n");

    assertThatThrownBy(() -> MmqConfig.load(Optional.of(file), Map.of(), Map.of()))
        .hasMessageContaining("server.prot")
        .hasMessageContaining("config file");
    assertThatThrownBy(() -> MmqConfig.load(Optional.empty(), Map.of("MMQ_SERVR_PORT", "1"), Map.of()))
        .hasMessageContaining("MMQ_SERVR_PORT")
        .hasMessageContaining("environment");
    assertThatThrownBy(() -> MmqConfig.load(Optional.empty(), Map.of(), Map.of("nope", "1")))
        .hasMessageContaining("nope");
  }

  @Test
  void badValuesNameTheirKey() {
    MmqConfig config = MmqConfig.defaultsOnly().with("server.port", "eighty");

    assertThatThrownBy(() -> config.getInt("server.port")).hasMessageContaining("server.port");
  }
}
