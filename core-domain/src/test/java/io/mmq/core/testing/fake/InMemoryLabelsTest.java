package io.mmq.core.testing.fake;

import static io.mmq.core.testing.builder.LabelledResourceBuilder.aLabelledResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.testing.builder.Windows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLabelsTest {
  private final InMemoryLabels labels = new InMemoryLabels();
  private final TimeWindow day24 = Windows.day("2016-06-24");
  private final TimeWindow day25 = Windows.day("2016-06-25");

  @Test
  void replacingAWindowDropsItsOldLabelsAndKeepsOtherWindows() {
    labels.replaceWindow(day24, List.of(labelled("a", day24), labelled("b", day24)));
    labels.replaceWindow(day25, List.of(labelled("c", day25)));

    labels.replaceWindow(day24, List.of(labelled("z", day24)));

    assertThat(ids(Windows.between("2016-06-24", "2016-06-26"))).containsExactly("z", "c");
    assertThat(labels.windows()).containsExactly(day24, day25);
  }

  @Test
  void streamsByWindowStartThenResourceIdAndOnlyWindowsInsideTheRange() {
    labels.replaceWindow(day25, List.of(labelled("b", day25), labelled("a", day25)));
    labels.replaceWindow(day24, List.of(labelled("d", day24), labelled("c", day24)));
    TimeWindow week = Windows.days("2016-06-24", 7);
    labels.replaceWindow(week, List.of(labelled("w", week)));

    assertThat(ids(Windows.between("2016-06-24", "2016-06-26"))).containsExactly("c", "d", "a", "b");
    assertThat(ids(Windows.between("2016-06-01", "2016-07-31")))
        .containsExactly("c", "d", "w", "a", "b");
  }

  @Test
  void aLabelOfAnotherWindowIsRejectedAndNothingChanges() {
    labels.replaceWindow(day24, List.of(labelled("a", day24)));

    assertThatThrownBy(
            () -> labels.replaceWindow(day24, List.of(labelled("b", day24), labelled("c", day25))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels[1]");

    assertThat(ids(day24)).containsExactly("a");
  }

  @Test
  void aResourceTwiceInOneWindowIsRejected() {
    assertThatThrownBy(
            () -> labels.replaceWindow(day24, List.of(labelled("a", day24), labelled("a", day24))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void replacingByNothingRemovesTheWindow() {
    labels.replaceWindow(day24, List.of(labelled("a", day24)));
    labels.replaceWindow(day24, List.of());

    assertThat(labels.windows()).isEmpty();
  }

  private static LabelledResource labelled(String id, TimeWindow window) {
    return aLabelledResource().forResource(id).inWindow(window).positive("ctr").build();
  }

  private List<String> ids(TimeWindow range) {
    List<String> ids = new ArrayList<>();
    labels.forEachIn(range, labelled -> ids.add(labelled.resourceId().value()));
    return ids;
  }
}
