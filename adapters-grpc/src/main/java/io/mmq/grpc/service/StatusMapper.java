package io.mmq.grpc.service;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.mmq.core.common.CallerGoneException;
import io.mmq.core.common.ConflictException;
import io.mmq.core.common.NotFoundException;
import io.mmq.core.common.OverloadedException;
import io.mmq.core.common.PreconditionFailedException;
import io.mmq.core.common.StorageUnavailableException;
import io.mmq.core.registry.model.ModelArtifact;
import io.mmq.core.training.model.TrainingCancelledException;
import io.mmq.grpc.mapping.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses: a bad field -> INVALID_ARGUMENT with a
 * {@code google.rpc.BadRequest} naming it (RESOURCE_EXHAUSTED when oversized), not found ->
 * NOT_FOUND, rejected -> FAILED_PRECONDITION, conflict -> ABORTED, database down -> UNAVAILABLE,
 * cancelled -> CANCELLED, overloaded -> RESOURCE_EXHAUSTED, caller gone while queued ->
 * DEADLINE_EXCEEDED or CANCELLED, anything else -> INTERNAL with a generic message (the cause is logged,
 * never sent).
 */
public final class StatusMapper {
  private static final Logger log = LoggerFactory.getLogger(StatusMapper.class);

  private StatusMapper() {}

  public static StatusRuntimeException toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException status) {
      return status;
    }
    if (error instanceof InvalidFieldException invalid) {
      return badRequest(invalid);
    }
    if (error instanceof NotFoundException) {
      return Status.NOT_FOUND.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof PreconditionFailedException) {
      return Status.FAILED_PRECONDITION.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof ConflictException) {
      return Status.ABORTED.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof StorageUnavailableException) {
      log.warn("storage unavailable: {}", error.getMessage());
      return Status.UNAVAILABLE
          .withDescription("the database is unavailable; retry later")
          .asRuntimeException();
    }
    if (error instanceof OverloadedException) {
      return Status.RESOURCE_EXHAUSTED.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof CallerGoneException gone) {
      Status status =
          switch (gone.reason()) {
            case DEADLINE_EXCEEDED -> Status.DEADLINE_EXCEEDED;
            case CANCELLED -> Status.CANCELLED;
          };
      return status.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof TrainingCancelledException) {
      return Status.CANCELLED.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof ModelArtifact.CorruptArtifactException) {
      log.error("corrupt model artifact", error);
      return Status.DATA_LOSS.withDescription(error.getMessage()).asRuntimeException();
    }
    if (error instanceof IllegalArgumentException) {
      // a domain rule rejected a value that the mapper let through: still the caller's input
      return Status.INVALID_ARGUMENT.withDescription(error.getMessage()).asRuntimeException();
    }
    log.error("internal error", error);
    return Status.INTERNAL.withDescription("internal error").asRuntimeException();
  }

  private static StatusRuntimeException badRequest(InvalidFieldException invalid) {
    Code code = invalid.isOversized() ? Code.RESOURCE_EXHAUSTED : Code.INVALID_ARGUMENT;
    BadRequest details =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                    .setField(invalid.fieldPath())
                    .setDescription(invalid.reason()))
            .build();
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(code.getNumber())
            .setMessage(invalid.getMessage())
            .addDetails(Any.pack(details))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  /** A violation of the request's own shape, for mappers of request-level fields. */
  public static InvalidFieldException invalid(String fieldPath, String reason) {
    return new InvalidFieldException(fieldPath, reason);
  }
}
