package io.mmq.grpc.server.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.mmq.proto.v1.ClassificationServiceGrpc;
import io.mmq.proto.v1.RecommendationServiceGrpc;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Requires the metadata header {@code authorization: Bearer <token>} on every service it is
 * attached to (the ops services: catalogue, training, models) except classification and
 * re-ranking, which need it only when {@code protectServing}. A call without a valid token is
 * closed with UNAUTHENTICATED before any of its messages reaches the service, so nothing runs.
 * With no tokens configured every call passes (the server warns about it at start). Services the
 * interceptor is not attached to (health, reflection) are never checked.
 */
public final class BearerTokenInterceptor implements ServerInterceptor {
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  /** The serving services, open unless protected by configuration. */
  public static final Set<String> SERVING_SERVICES =
      Set.of(ClassificationServiceGrpc.SERVICE_NAME, RecommendationServiceGrpc.SERVICE_NAME);

  private static final String SCHEME = "bearer ";

  private final BearerTokens tokens;
  private final boolean protectServing;

  public BearerTokenInterceptor(BearerTokens tokens, boolean protectServing) {
    this.tokens = Objects.requireNonNull(tokens, "tokens is null");
    this.protectServing = protectServing;
  }

  /**
   * Whether calls to {@code service} need a token under this configuration: with tokens, every
   * service but the serving ones (and those too when protected), so that a service added later is
   * protected unless it is opened on purpose.
   */
  public boolean protects(String service) {
    return !tokens.isEmpty() && (protectServing || !SERVING_SERVICES.contains(service));
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    if (!protects(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    String refusal = refusal(headers.get(AUTHORIZATION));
    if (refusal == null) {
      return next.startCall(call, headers);
    }
    call.close(
        Status.UNAUTHENTICATED.withDescription(call.getMethodDescriptor().getFullMethodName() + ": " + refusal),
        new Metadata());
    return new ServerCall.Listener<>() {};
  }

  /** Why the header is refused, or null when it carries an accepted token. */
  private String refusal(String authorization) {
    if (authorization == null) {
      return "missing bearer token: send the metadata header 'authorization: Bearer <token>'";
    }
    if (authorization.length() <= SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)
        || authorization.substring(SCHEME.length()).isBlank()) {
      return "malformed authorization header: expected 'Bearer <token>'";
    }
    return tokens.matches(authorization.substring(SCHEME.length()).trim()) ? null : "invalid bearer token";
  }
}
