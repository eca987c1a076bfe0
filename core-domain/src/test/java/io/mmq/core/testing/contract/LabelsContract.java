package io.mmq.core.testing.contract;

import static io.mmq.core.testing.builder.LabelledResourceBuilder.aLabelledResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.label.model.LabelledResource;
import io.mmq.core.label.port.out.Labels;
import io.mmq.core.testing.builder.Windows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Labels}, run against every implementation: a window's labels replaced as a
 * whole, streams of the windows inside a window ordered by window then resource id.
 */
public abstract class LabelsContract {
  private static final TimeWindow DAY_24 = Windows.day("2016-06-24");
  private static final TimeWindow DAY_25 = Windows.day("2016-06-25");

  private Labels labels;

  /** A new, empty repository. Called before each test. */
  protected abstract Labels newLabels();

  @BeforeEach
  void createRepository() {
    labels = newLabels();
  }

  private List<LabelledResource> streamed(TimeWindow window) {
    List<LabelledResource> seen = new ArrayList<>();
    labels.forEachIn(window, seen::add);
    return seen;
  }

  @Test
  void anEmptyRepositoryHoldsNothing() {
    assertThat(labels.windows()).isEmpty();
    assertThat(streamed(DAY_24)).isEmpty();
  }

  @Test
  void storesAWindowsLabelsAndStreamsThemByResourceId() {
    LabelledResource c = aLabelledResource().forResource("c").positive("ctr").build();
    LabelledResource a =
        aLabelledResource().forResource("a").positive("ctr", "likes").negative("bounce").build();
    LabelledResource unlabelled = aLabelledResource().forResource("b").build();

    labels.replaceWindow(DAY_24, List.of(c, a, unlabelled));

    assertThat(streamed(DAY_24)).containsExactly(a, unlabelled, c);
    assertThat(labels.windows()).containsExactly(DAY_24);
  }

  @Test
  void replacingAWindowDropsItsEarlierLabelsAndLeavesOtherWindowsAlone() {
    LabelledResource other =
        aLabelledResource().forResource("z").inWindow(DAY_25).negative("ctr").build();
    labels.replaceWindow(DAY_25, List.of(other));
    labels.replaceWindow(
        DAY_24,
        List.of(
            aLabelledResource().forResource("a").positive("ctr").build(),
            aLabelledResource().forResource("b").positive("ctr").build()));
    LabelledResource replacement = aLabelledResource().forResource("c").negative("ctr").build();

    labels.replaceWindow(DAY_24, List.of(replacement));

    assertThat(streamed(DAY_24)).containsExactly(replacement);
    assertThat(streamed(DAY_25)).containsExactly(other);
  }

  @Test
  void replacingAWindowByNoLabelsRemovesIt() {
    labels.replaceWindow(
        DAY_24, List.of(aLabelledResource().forResource("a").positive("ctr").build()));

    labels.replaceWindow(DAY_24, List.of());

    assertThat(labels.windows()).isEmpty();
    assertThat(streamed(DAY_24)).isEmpty();
  }

  @Test
  void streamsTheWindowsInsideOrderedByWindowThenResource() {
    TimeWindow week = Windows.between("2016-06-20", "2016-06-27");
    LabelledResource b25 =
        aLabelledResource().forResource("b").inWindow(DAY_25).positive("ctr").build();
    LabelledResource a25 =
        aLabelledResource().forResource("a").inWindow(DAY_25).negative("ctr").build();
    LabelledResource c24 =
        aLabelledResource().forResource("c").inWindow(DAY_24).positive("ctr").build();
    labels.replaceWindow(DAY_25, List.of(b25, a25));
    labels.replaceWindow(DAY_24, List.of(c24));
    labels.replaceWindow(
        week, List.of(aLabelledResource().forResource("a").inWindow(week).build()));

    assertThat(streamed(Windows.between("2016-06-24", "2016-06-26")))
        .containsExactly(c24, a25, b25);
    assertThat(labels.windows()).containsExactly(week, DAY_24, DAY_25);
  }

  @Test
  void aLabelOfAnotherWindowIsRejectedAndNothingChanges() {
    LabelledResource kept = aLabelledResource().forResource("a").positive("ctr").build();
    labels.replaceWindow(DAY_24, List.of(kept));
    List<LabelledResource> wrong =
        List.of(
            aLabelledResource().forResource("b").positive("ctr").build(),
            aLabelledResource().forResource("c").inWindow(DAY_25).positive("ctr").build());

    assertThatThrownBy(() -> labels.replaceWindow(DAY_24, wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels[1]");
    assertThat(streamed(DAY_24)).containsExactly(kept);
  }

  @Test
  void aResourceNamedTwiceIsRejectedAndNothingChanges() {
    List<LabelledResource> twice =
        List.of(
            aLabelledResource().forResource("a").positive("ctr").build(),
            aLabelledResource().forResource("a").negative("ctr").build());

    assertThatThrownBy(() -> labels.replaceWindow(DAY_24, twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels[1]");
    assertThat(labels.windows()).isEmpty();
  }

  @Test
  void largeWindowsAreStoredAndStreamedWhole() {
    List<LabelledResource> many = new ArrayList<>();
    for (int i = 0; i < 2_100; i++) {
      var builder = aLabelledResource().forResource(String.format("r-%05d", i));
      many.add(
          i % 3 == 0 ? builder.positive("ctr").build() : builder.negative("ctr", "dwell").build());
    }

    labels.replaceWindow(DAY_24, many);

    assertThat(streamed(DAY_24)).containsExactlyElementsOf(many);
  }
}
