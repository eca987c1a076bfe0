package io.mmq.app;

import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.mmq.app.config.MmqConfig;
import io.mmq.grpc.server.security.BearerTokenInterceptor;
import io.mmq.grpc.server.security.BearerTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gRPC server's transport and security settings: inbound message limit ({@code
 * server.max-message-bytes}), TLS ({@code server.tls.cert-file} + {@code server.tls.key-file}, PEM;
 * both or neither), bearer tokens ({@code auth.tokens}, {@code auth.token-file}, {@code
 * auth.protect-serving}) and the metrics endpoint ({@code metrics.host}, {@code metrics.port}: -1
 * off, 0 any free port).
 */
public record ServerOptions(
    int maxMessageBytes,
    Optional<Tls> tls,
    List<String> tokens,
    boolean protectServing,
    String metricsHost,
    int metricsPort) {

  /** A certificate chain and its private key, PEM files (the key in PKCS#8). */
  public record Tls(Path certFile, Path keyFile) {
    public Tls {
      Objects.requireNonNull(certFile, "certFile is null");
      Objects.requireNonNull(keyFile, "keyFile is null");
    }
  }

  public ServerOptions {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("setting server.max-message-bytes must be positive, was " + maxMessageBytes);
    }
    Objects.requireNonNull(tls, "tls is null");
    tokens = List.copyOf(tokens);
    Objects.requireNonNull(metricsHost, "metricsHost is null");
    if (metricsPort < -1 || metricsPort > 65535) {
      throw new IllegalArgumentException(
          "setting metrics.port must be -1 (off), 0 (any free port) or a port number, was " + metricsPort);
    }
  }

  /**
   * Reads the settings and checks that the files they name are there.
   *
   * @throws IllegalArgumentException naming the setting at fault
   */
  public static ServerOptions from(MmqConfig config) {
    Optional<String> cert = config.optional("server.tls.cert-file");
    Optional<String> key = config.optional("server.tls.key-file");
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("settings server.tls.cert-file and server.tls.key-file go together: set both or neither");
    }
    Optional<Tls> tls = cert.map(c -> new Tls(readable("server.tls.cert-file", c), readable("server.tls.key-file", key.get())));
    Optional<Path> tokenFile = config.optional("auth.token-file").map(f -> readable("auth.token-file", f));
    List<String> tokens = BearerTokens.read(config.get("auth.tokens"), tokenFile);
    BearerTokens.of(tokens); // rejects malformed tokens now rather than at the first call
    return new ServerOptions(
        config.getInt("server.max-message-bytes"),
        tls,
        tokens,
        config.getBoolean("auth.protect-serving"),
        config.get("metrics.host"),
        config.getInt("metrics.port"));
  }

  private static Path readable(String key, String file) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new IllegalArgumentException("setting " + key + ": cannot read " + path.toAbsolutePath());
    }
    return path;
  }

  /** A server builder on {@code host:port} with the message limit, TLS-only when TLS is set. */
  public NettyServerBuilder serverBuilder(String host, int port) {
    InetSocketAddress address = new InetSocketAddress(host, port);
    NettyServerBuilder builder;
    if (tls.isPresent()) {
      try {
        ServerCredentials credentials = TlsServerCredentials.create(tls.get().certFile().toFile(), tls.get().keyFile().toFile());
        builder = NettyServerBuilder.forAddress(address, credentials);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the TLS certificate or key: " + e.getMessage(), e);
      }
    } else {
      builder = NettyServerBuilder.forAddress(address);
    }
    return builder.maxInboundMessageSize(maxMessageBytes);
  }

  public BearerTokenInterceptor authInterceptor() {
    return new BearerTokenInterceptor(BearerTokens.of(tokens), protectServing);
  }

  public boolean metricsEnabled() {
    return metricsPort != -1;
  }

  /**
   * A channel from this process to its own server on {@code port}: over TLS when the server uses
   * it (trusting the server's certificate file and checking the name it was issued for), sending
   * the first configured token when there are tokens.
   */
  public ManagedChannel localChannel(int port) {
    ChannelCredentials credentials = InsecureChannelCredentials.create();
    Optional<String> authority = Optional.empty();
    if (tls.isPresent()) {
      try {
        credentials = TlsChannelCredentials.newBuilder().trustManager(tls.get().certFile().toFile()).build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the TLS certificate: " + e.getMessage(), e);
      }
      authority = Optional.of(hostNameOf(tls.get().certFile()));
    }
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress("127.0.0.1", port, credentials)
        .maxInboundMessageSize(maxMessageBytes);
    authority.ifPresent(builder::overrideAuthority);
    if (!tokens.isEmpty()) {
      Metadata headers = new Metadata();
      headers.put(BearerTokenInterceptor.AUTHORIZATION, "Bearer " + tokens.get(0));
      ClientInterceptor bearer = MetadataUtils.newAttachHeadersInterceptor(headers);
      builder.intercept(bearer);
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "ServerOptions[maxMessageBytes=" + maxMessageBytes + ", tls=" + tls + ", tokens=" + tokens.size()
        + ", protectServing=" + protectServing + ", metrics=" + metricsHost + ":" + metricsPort + "]";
  }

  /** The first DNS name the certificate was issued for ({@code localhost} when it names none). */
  static String hostNameOf(Path certFile) {
    try (InputStream in = Files.newInputStream(certFile)) {
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      Collection<List<?>> names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> name : names) {
          if (Integer.valueOf(2).equals(name.get(0))) {
            return (String) name.get(1);
          }
        }
      }
      return "localhost";
    } catch (CertificateParsingException e) {
      return "localhost";
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("setting server.tls.cert-file: not a PEM certificate: " + e.getMessage(), e);
    }
  }
}
