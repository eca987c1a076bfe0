package io.mmq.core.task.service;

import static io.mmq.core.testing.builder.TaskBuilder.tasksNamed;
import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.task.model.TaskSet;
import io.mmq.core.task.port.in.SetTaskSetCommand;
import io.mmq.core.testing.fake.InMemoryTaskSets;
import org.junit.jupiter.api.Test;

class TaskSetServiceTest {
  private final TaskSetService service = new TaskSetService(new InMemoryTaskSets());

  @Test
  void startsWithTheDefaultsAndKeepsWhatIsSet() {
    assertThat(service.current()).isEqualTo(TaskSet.defaults());

    service.set(new SetTaskSetCommand(tasksNamed("ctr")));

    assertThat(service.current().names()).extracting(Object::toString).containsExactly("ctr");
  }
}
