package io.mmq.core.testing.contract;

import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.registry.port.out.ModelRegistry;
import io.mmq.core.resource.port.out.Resources;
import io.mmq.core.task.port.out.TaskSets;
import io.mmq.core.testing.fake.InMemoryEngagements;
import io.mmq.core.testing.fake.InMemoryLabels;
import io.mmq.core.testing.fake.InMemoryModelRegistry;
import io.mmq.core.testing.fake.InMemoryResources;
import io.mmq.core.testing.fake.InMemoryTaskSets;
import io.mmq.core.testing.fake.InMemoryTrainingJobs;
import io.mmq.core.testing.fake.InMemoryValidationRuns;
import io.mmq.core.training.port.out.TrainingJobs;
import io.mmq.core.validation.port.out.ValidationRuns;
import org.junit.jupiter.api.Nested;

/** The repository contracts against the in-memory fakes that the core's tests use. */
class InMemoryContractsTest {

  @Nested
  class OnInMemoryResources extends ResourcesContract {
    @Override
    protected Resources newResources() {
      return new InMemoryResources();
    }
  }

  @Nested
  class OnInMemoryEngagements extends EngagementsContract {
    @Override
    protected Engagements newEngagements() {
      return new InMemoryEngagements();
    }
  }

  @Nested
  class OnInMemoryLabels extends LabelsContract {
    @Override
    protected Labels newLabels() {
      return new InMemoryLabels();
    }
  }

  @Nested
  class OnInMemoryTaskSets extends TaskSetsContract {
    @Override
    protected TaskSets newTaskSets() {
      return new InMemoryTaskSets();
    }
  }

  @Nested
  class OnInMemoryModelRegistry extends ModelRegistryContract {
    @Override
    protected ModelRegistry newRegistry() {
      return new InMemoryModelRegistry();
    }
  }

  @Nested
  class OnInMemoryTrainingJobs extends TrainingJobsContract {
    @Override
    protected TrainingJobs newTrainingJobs() {
      return new InMemoryTrainingJobs();
    }
  }

  @Nested
  class OnInMemoryValidationRuns extends ValidationRunsContract {
    @Override
    protected ValidationRuns newValidationRuns() {
      return new InMemoryValidationRuns();
    }
  }
}
