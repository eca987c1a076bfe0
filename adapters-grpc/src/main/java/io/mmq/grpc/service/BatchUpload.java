package io.mmq.grpc.service;

import com.google.rpc.Code;
import io.grpc.stub.StreamObserver;
import io.mmq.grpc.mapping.InvalidFieldException;
import io.mmq.proto.v1.ItemError;
import io.mmq.proto.v1.UpsertSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server side of a client-streaming upload: each message's items are validated one by one;
 * the valid ones of a message are stored together (all or none); bad items, and items whose key
 * repeats within the stream, are reported with their stream index, field path and the status code
 * the item would have got alone (RESOURCE_EXHAUSTED when over a size limit). A storage
 * failure ends the call with its status; what was stored before stays stored.
 */
abstract class BatchUpload<R, P, D> implements StreamObserver<R> {
  private final StreamObserver<UpsertSummary> response;
  private final int maxListedErrors;
  private final String field;
  private final Set<Object> seen = new HashSet<>();
  private final UpsertSummary.Builder summary = UpsertSummary.newBuilder();
  private int index;
  private boolean failed;

  BatchUpload(StreamObserver<UpsertSummary> response, int maxListedErrors, String field) {
    this.response = response;
    this.maxListedErrors = maxListedErrors;
    this.field = field;
  }

  abstract List<P> items(R request);

  abstract D map(P item);

  abstract Object key(D value);

  abstract String id(P item);

  abstract void store(List<D> values);

  @Override
  public void onNext(R request) {
    if (failed) {
      return;
    }
    List<D> valid = new ArrayList<>();
    for (P item : items(request)) {
      int at = index++;
      try {
        D value = map(item);
        if (!seen.add(key(value))) {
          throw new InvalidFieldException("", "repeats an earlier item of this stream");
        }
        valid.add(value);
      } catch (InvalidFieldException e) {
        reject(at, id(item), e.under(field + "[" + at + "]"));
      } catch (IllegalArgumentException e) {
        reject(at, id(item), new InvalidFieldException(field + "[" + at + "]", e.getMessage()));
      }
    }
    if (valid.isEmpty()) {
      return;
    }
    try {
      store(valid);
      summary.setAccepted(summary.getAccepted() + valid.size());
    } catch (RuntimeException e) {
      failed = true;
      response.onError(StatusMapper.toStatus(e));
    }
  }

  private void reject(int at, String id, InvalidFieldException e) {
    summary.setRejected(summary.getRejected() + 1);
    if (summary.getErrorsCount() < maxListedErrors) {
      summary.addErrors(
          ItemError.newBuilder()
              .setIndex(at)
              .setId(id)
              .setFieldPath(e.fieldPath())
              .setMessage(e.reason())
              .setCode(e.isOversized() ? Code.RESOURCE_EXHAUSTED : Code.INVALID_ARGUMENT));
    } else {
      summary.setErrorsOmitted(summary.getErrorsOmitted() + 1);
    }
  }

  @Override
  public void onError(Throwable t) {
    failed = true; // the client went away; what was stored stays stored
  }

  @Override
  public void onCompleted() {
    if (failed) {
      return;
    }
    response.onNext(summary.build());
    response.onCompleted();
  }
}
