package io.mmq.grpc.server.security;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer tokens that the server accepts, kept only as SHA-256 digests. A presented token is
 * compared with every configured one in constant time (digest against digest), so neither the
 * answer time nor an early exit tells how much of a guess was right.
 */
public final class BearerTokens {
  private final List<byte[]> digests;

  private BearerTokens(List<byte[]> digests) {
    this.digests = digests;
  }

  /**
   * The accepted tokens.
   *
   * @throws IllegalArgumentException when a token is blank or holds whitespace
   */
  public static BearerTokens of(Collection<String> tokens) {
    Objects.requireNonNull(tokens, "tokens is null");
    List<byte[]> digests = new ArrayList<>();
    for (String token : tokens) {
      Objects.requireNonNull(token, "token is null");
      if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a bearer token must be non-empty and hold no whitespace");
      }
      digests.add(sha256(token));
    }
    return new BearerTokens(List.copyOf(digests));
  }

  /**
   * Reads tokens from a comma-separated list and, when given, a file of one token per line (blank
   * lines and lines starting with {@code #} skipped; surrounding whitespace trimmed).
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<String> read(String commaSeparated, Optional<Path> file) {
    Objects.requireNonNull(commaSeparated, "commaSeparated is null");
    Objects.requireNonNull(file, "file is null");
    List<String> tokens = new ArrayList<>();
    Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(tokens::add);
    if (file.isPresent()) {
      try {
        Files.readAllLines(file.get(), UTF_8).stream()
            .map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(tokens::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token file " + file.get() + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(tokens);
  }

  public boolean isEmpty() {
    return digests.isEmpty();
  }

  public int size() {
    return digests.size();
  }

  /** Whether {@code presented} is one of the tokens; checks every token, whatever matches. */
  public boolean matches(String presented) {
    Objects.requireNonNull(presented, "presented is null");
    byte[] digest = sha256(presented);
    boolean match = false;
    for (byte[] accepted : digests) {
      match |= MessageDigest.isEqual(accepted, digest);
    }
    return match;
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BearerTokens[" + digests.size() + " token(s)]";
  }
}
