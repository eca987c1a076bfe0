package io.mmq.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options every command accepts, before or after the command name: where the data lives (an
 * embedded H2 database and model artifacts under {@code --data-dir}, or PostgreSQL).
 */
public final class GlobalOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Embedded database and model artifacts (default: ./mmq-data).",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description = "Use this database (e.g. jdbc:postgresql://host:5432/mmq) instead of the embedded one.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  String dbPassword;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (see the README); environment MMQ_* and flags win over it.",
      scope = picocli.CommandLine.ScopeType.INHERIT)
  Path configFile;

  /** The settings from the config file, the environment and these flags. */
  public io.mmq.app.config.MmqConfig config() {
    java.util.Map<String, String> flags = new java.util.HashMap<>();
    if (dataDir != null) {
      flags.put("data.dir", dataDir.toString());
    }
    if (dbUrl != null) {
      flags.put("db.url", dbUrl);
    }
    if (dbUser != null) {
      flags.put("db.user", dbUser);
    }
    if (dbPassword != null) {
      flags.put("db.password", dbPassword);
    }
    return io.mmq.app.config.MmqConfig.load(Optional.ofNullable(configFile), System.getenv(), flags);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Optional<String> dbUrl() {
    return Optional.ofNullable(dbUrl);
  }

  public Optional<String> dbUser() {
    return Optional.ofNullable(dbUser);
  }

  public Optional<String> dbPassword() {
    return Optional.ofNullable(dbPassword);
  }
}
