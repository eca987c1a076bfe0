package io.mmq.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.training.port.out.TrainingJobs;
import io.mmq.core.validation.port.out.ValidationRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceModuleTest {
  @TempDir Path directory;

  @Test
  void bindsEveryRepositoryPortToOneJdbcImplementation() {
    try (Database database = TestDatabases.h2(directory)) {
      Injector injector = Guice.createInjector(new PersistenceModule(database));

      assertThat(injector.getInstance(Resources.class)).isInstanceOf(JdbcResources.class);
      assertThat(injector.getInstance(Engagements.class)).isInstanceOf(JdbcEngagements.class);
      assertThat(injector.getInstance(Labels.class)).isInstanceOf(JdbcLabels.class);
      assertThat(injector.getInstance(TaskSets.class)).isInstanceOf(JdbcTaskSets.class);
      assertThat(injector.getInstance(ModelRegistry.class)).isInstanceOf(JdbcModelRegistry.class);
      assertThat(injector.getInstance(TrainingJobs.class)).isInstanceOf(JdbcTrainingJobs.class);
      assertThat(injector.getInstance(ValidationRuns.class)).isInstanceOf(JdbcValidationRuns.class);
      assertThat(injector.getInstance(Resources.class))
          .isSameAs(injector.getInstance(Resources.class));
      assertThat(injector.getInstance(TaskSets.class).current()).isEqualTo(TaskSet.defaults());
    }
  }
}
