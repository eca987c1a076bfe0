package io.mmq.grpc.service;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.training.model.TrainingJob;
import io.mmq.core.training.model.TrainingProgress;
import io.mmq.core.training.port.in.TrainingObserver;
import io.mmq.grpc.mapping.EngagementMapper;
import io.mmq.grpc.mapping.TrainingMapper;
import io.mmq.proto.v1.TrainProgress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Follows a training run for one gRPC call: cancelled as soon as the call is (client cancel or
 * deadline, read from the call's {@link Context} captured when the call started), and, for a {@code
 * Train} stream, sends {@code started} when the job is recorded and a {@code step} per progress
 * report, with the training examples per second since the previous report (or since {@code
 * started}) on the stream's clock. The core calls it on the call's own thread, so the stream is
 * written by one thread at a time.
 */
final class CallObserver implements TrainingObserver {
  private final Context context;
  private final Optional<Stream> stream;
  private long lastReportNanos;
  private long lastReportExamples;

  /**
   * The stream side of a {@code Train} call; {@code nanoTime} is the clock the throughput is
   * measured with ({@code System::nanoTime} outside tests).
   */
  record Stream(
      StreamObserver<TrainProgress> response,
      TimeWindow window,
      long seed,
      TaskSet tasks,
      LongSupplier nanoTime) {
    Stream {
      Objects.requireNonNull(response, "response is null");
      Objects.requireNonNull(window, "window is null");
      Objects.requireNonNull(tasks, "tasks is null");
      Objects.requireNonNull(nanoTime, "nanoTime is null");
    }
  }

  private CallObserver(Context context, Optional<Stream> stream) {
    this.context = Objects.requireNonNull(context, "context is null");
    this.stream = stream;
  }

  /** For a unary call: cancellation only. */
  static CallObserver ofCurrentCall() {
    return new CallObserver(Context.current(), Optional.empty());
  }

  /** For a {@code Train} stream; a cancelled call silently drops further messages. */
  static CallObserver streaming(Stream stream) {
    if (stream.response() instanceof ServerCallStreamObserver<TrainProgress> call) {
      call.setOnCancelHandler(() -> {}); // cancellation is polled through the context
    }
    return new CallObserver(Context.current(), Optional.of(stream));
  }

  @Override
  public void onStarted(TrainingJob job, long trainingExamples, long validationExamples) {
    stream.ifPresent(
        s -> {
          lastReportNanos = s.nanoTime().getAsLong();
          send(
              s,
              TrainProgress.newBuilder()
                  .setStarted(
                      TrainProgress.Started.newBuilder()
                          .setJobId(job.id().value())
                          .setWindow(EngagementMapper.toProto(s.window()))
                          .setTrainExamples(TrainingMapper.clamp(trainingExamples))
                          .setValidationExamples(TrainingMapper.clamp(validationExamples))
                          .setMaxSteps(job.totalSteps())
                          .setSeed(s.seed()))
                  .build());
        });
  }

  @Override
  public void onProgress(TrainingProgress progress) {
    stream.ifPresent(
        s -> {
          long now = s.nanoTime().getAsLong();
          double perSecond =
              progress.examples() > lastReportExamples && now > lastReportNanos
                  ? (progress.examples() - lastReportExamples) * 1e9 / (now - lastReportNanos)
                  : 0;
          lastReportNanos = now;
          lastReportExamples = progress.examples();
          send(
              s,
              TrainProgress.newBuilder()
                  .setStep(
                      TrainingMapper.toProto(progress, s.tasks()).toBuilder()
                          .setExamplesPerSecond(perSecond))
                  .build());
        });
  }

  @Override
  public boolean isCancelled() {
    return context.isCancelled();
  }

  /** The status for a run that stopped because of the call or a CancelJob. */
  StatusRuntimeException cancelledStatus(String jobId) {
    if (context.isCancelled()) {
      Status status = Contexts.statusFromCancelled(context);
      return status
          .withDescription("training job " + jobId + " was cancelled: " + status.getDescription())
          .asRuntimeException();
    }
    return Status.CANCELLED
        .withDescription("training job " + jobId + " was cancelled")
        .asRuntimeException();
  }

  private void send(Stream s, TrainProgress message) {
    if (!context.isCancelled()) {
      s.response().onNext(message);
    }
  }
}
