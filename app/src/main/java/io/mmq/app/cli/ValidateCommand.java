package io.mmq.app.cli;

import io.mmq.app.Application;
import io.mmq.core.validation.port.in.ValidateModelCommand;
import io.mmq.core.validation.port.in.ValidateModelResult;
import io.mmq.core.validation.port.in.ValidateModelUseCase;
import io.mmq.grpc.mapping.TrainingMapper;
import io.mmq.proto.v1.Evaluation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mmq validate}: evaluates the active model on a window's labels (R8); with {@code
 * --update}, fine-tunes a candidate when accuracy is below the threshold (printing the training's
 * progress on stderr, as {@code mmq train} does) and promotes it only if it beats the active model
 * on held-out data.
 */
@Command(name = "validate", description = "Evaluate the active model on a window's labels (--from A --to B [--update]).")
final class ValidateCommand extends AppCommand {
  @Mixin WindowOptions window;

  @Option(names = "--update", description = "When accuracy is below the threshold, fine-tune and promote only if better.")
  boolean update;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the update's training (default 42).")
  long seed = 42;

  @Mixin ReportOptions report;

  @Override
  int run(Application app) throws Exception {
    ValidateModelCommand command = update
        ? ValidateModelCommand.validateAndUpdate(window.window(spec.commandLine()), seed)
        : ValidateModelCommand.validateOnly(window.window(spec.commandLine()));
    Reports.ProgressLog progress = new Reports.ProgressLog(TrainCommand.progressPrinter(err()));
    ValidateModelResult result = app.get(ValidateModelUseCase.class).validate(command, progress);
    Evaluation evaluation = TrainingMapper.toProto(result.run(), result.update());
    Optional<Path> written = Reports.validation(app, report, result, evaluation, progress.progress(), err());
    TrainCommand.printEvaluation(evaluation, written, json, out());
    return 0;
  }
}
