package io.mmq.core.validation.service;

import static io.mmq.core.testing.builder.ModelRecordBuilder.aModelRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.registry.model.ModelVersion;
import io.mmq.core.testing.builder.ModelRecordBuilder;
import io.mmq.core.testing.builder.Windows;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import io.mmq.core.testing.fake.InMemoryValidationRuns;
import io.mmq.core.testing.fake.MutableClock;
import io.mmq.core.validation.model.Decision;
import io.mmq.core.validation.model.ValidationRun;
import io.mmq.core.validation.policy.RetrainPolicy;
import io.mmq.core.validation.port.in.RetrainScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default schedule validates every 5 days after the last run; a clock moved by hand. */
class RetrainScheduleServiceTest {
  private final MutableClock clock = MutableClock.at("2016-07-01T00:00:00Z");
  private final InMemoryValidationRuns runs = new InMemoryValidationRuns();
  private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
  private final RetrainScheduleService service =
      new RetrainScheduleService(runs, registry, RetrainPolicy.DEFAULT, clock);

  @Test
  void nothingIsDueWithoutAnActiveModel() {
    RetrainScheduleStatus status = service.check();

    assertThat(status.due()).isFalse();
    assertThat(status.activeModel()).isEmpty();
  }

  @Test
  void aNeverValidatedModelIsDueNow() {
    activeModel();

    RetrainScheduleStatus status = service.check();

    assertThat(status.due()).isTrue();
    assertThat(status.lastValidation()).isEmpty();
    assertThat(status.nextDue()).isEqualTo(Instant.parse("2016-07-01T00:00:00Z"));
    assertThat(status.activeModel()).contains(ModelVersion.of("m-1"));
  }

  @Test
  void isDueFiveDaysAfterTheLastValidationAndNotAnHourEarlier() {
    activeModel();
    runs.save(run("2016-07-01T00:00:00Z"));

    clock.advance(Duration.ofDays(5).minusHours(1));
    RetrainScheduleStatus early = service.check();
    assertThat(early.due()).isFalse();
    assertThat(early.nextDue()).isEqualTo(Instant.parse("2016-07-06T00:00:00Z"));
    assertThat(early.period()).isEqualTo(Duration.ofDays(5));

    clock.advance(Duration.ofHours(1));
    assertThat(service.check().due()).isTrue();

    runs.save(run("2016-07-06T00:00:00Z"));
    assertThat(service.check().due()).isFalse();
    assertThat(service.check().nextDue()).isEqualTo(Instant.parse("2016-07-11T00:00:00Z"));
    assertThat(service.list()).hasSize(2);
  }

  private void activeModel() {
    ModelRecordBuilder builder = aModelRecord().withVersion("m-1").active();
    registry.register(builder.build(), builder.artifact());
  }

  private static ValidationRun run(String ranAt) {
    return new ValidationRun(
        "v-" + ranAt, ModelVersion.of("m-1"), Windows.day("2016-06-30"), 10, 9, 0.9, 0.5, 0.7,
        Map.of(), Decision.KEEP, Optional.empty(), Instant.parse(ranAt));
  }
}
