package io.mmq.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.Timestamps;
import io.mmq.proto.v1.Decision;
import io.mmq.proto.v1.Evaluation;
import io.mmq.proto.v1.TaskEvaluation;
import io.mmq.proto.v1.TimeWindow;
import io.mmq.proto.v1.UpdateOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationFiguresTest {

  @Test
  void readsEveryFieldUnderItsJsonNameAndTheTasksAsATable() throws Exception {
    Evaluation evaluation =
        Evaluation.newBuilder()
            .setModelVersion("m-2")
            .setEvaluated(10)
            .setAccuracy(Double.NaN)
            .setDecision(Decision.REJECTED)
            .setWindow(TimeWindow.newBuilder()
                .setStart(Timestamps.parse("2026-01-10T00:00:00Z"))
                .setEnd(Timestamps.parse("2026-01-11T00:00:00Z")))
            .setUpdate(UpdateOutcome.newBuilder().setCandidateVersion("m-3").setCandidateHoldoutValue(0.5))
            .putTasks("dwell", TaskEvaluation.newBuilder().setAuc(0.75).setLabelled(4).build())
            .putTasks("ctr", TaskEvaluation.newBuilder().setAuc(0.8).setLabelled(10).build())
            .build();

    EvaluationFigures figures = EvaluationFigures.of(evaluation);

    assertThat(figures.summary())
        .containsEntry("modelVersion", "m-2")
        .containsEntry("evaluated", "10")
        .containsEntry("accuracy", "NaN")
        .containsEntry("decision", "REJECTED")
        .containsEntry("window", "2026-01-10T00:00:00Z .. 2026-01-11T00:00:00Z")
        .containsEntry("update.candidateVersion", "m-3")
        .containsEntry("update.candidateHoldoutValue", "0.5000")
        .containsEntry("evaluatedAt", "")
        .doesNotContainKey("tasks");
    assertThat(figures.taskColumns()).startsWith("auc", "accuracy", "labelled").contains("calibrationError");
    assertThat(figures.tasks().keySet()).containsExactly("ctr", "dwell");
    assertThat(figures.tasks().get("ctr")).startsWith("0.8000", "0.0000", "10");
    assertThat(EvaluationFigures.of(Evaluation.getDefaultInstance()).summary()).doesNotContainKey("update.candidateVersion");
    assertThat(figures.tasks().get("dwell")).hasSize(figures.taskColumns().size());
    assertThat(List.copyOf(figures.summary().keySet())).startsWith("modelVersion", "evaluated");
  }
}
