package io.mmq.grpc.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokensTest {
  @Test
  void matchesEveryConfiguredTokenAndNothingElse() {
    BearerTokens tokens = BearerTokens.of(List.of("first-secret", "second-secret"));

    assertThat(tokens.matches("first-secret")).isTrue();
    assertThat(tokens.matches("second-secret")).isTrue();
    assertThat(tokens.matches("first-secre")).isFalse();
    assertThat(tokens.matches("first-secret ")).isFalse();
    assertThat(tokens.matches("")).isFalse();
    assertThat(tokens.toString()).doesNotContain("secret").contains("2 token(s)");
  }

  @Test
  void noTokensMatchNothing() {
    BearerTokens none = BearerTokens.of(List.of());

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.matches("anything")).isFalse();
  }

  @Test
  void readsTheListAndTheFileSkippingBlanksAndComments(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "# ops team\n  file-one  \n\nfile-two\n");

    assertThat(BearerTokens.read(" a , b,,", Optional.of(file))).containsExactly("a", "b", "file-one", "file-two");
    assertThat(BearerTokens.read("", Optional.empty())).isEmpty();
  }

  @Test
  void anUnreadableFileOrAMalformedTokenIsAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> BearerTokens.read("", Optional.of(dir.resolve("missing"))))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("token file");
    assertThatThrownBy(() -> BearerTokens.of(List.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BearerTokens.of(List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
