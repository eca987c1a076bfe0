package io.mmq.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.training.port.out.ModelTrainer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Weights serialisation, the shuffle buffer and the Guice module. */
class SmallPartsTest {
  @Test
  void weightsSurviveSerialisationAndRejectGarbage() {
    Map<String, Weights.Entry> entries = new LinkedHashMap<>();
    entries.put("a.w", new Weights.Entry(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
    entries.put("a.b", new Weights.Entry(new long[] {1}, new float[] {Float.MIN_VALUE}));
    Weights weights = new Weights(entries);
    Weights back = Weights.fromBytes(weights.toBytes());
    assertThat(back.entries()).isEqualTo(weights.entries());
    assertThat(back.entries().keySet()).containsExactly("a.w", "a.b");
    assertThat(back.parameterCount()).isEqualTo(7);
    assertThatThrownBy(() -> Weights.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
        .hasMessage("weights: not an mmq weights file");
    assertThatThrownBy(() -> new Weights.Entry(new long[] {2, 2}, new float[3]))
        .hasMessage("shape [2, 2] needs 4 values, got 3");
  }

  @Test
  void theShuffleBufferHoldsAtMostItsCapacityAndEmitsEveryElementOnce() {
    ShuffleBuffer<Integer> buffer = new ShuffleBuffer<>(4, new Random(1));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Integer emitted = buffer.offer(i);
      assertThat(buffer.size()).isLessThanOrEqualTo(4);
      if (i < 4) {
        assertThat(emitted).isNull();
      } else {
        out.add(emitted);
      }
    }
    buffer.drain(out::add);
    assertThat(out).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    assertThat(buffer.size()).isZero();
  }

  @Test
  void theModuleBindsBothPorts() {
    Injector injector =
        Guice.createInjector(new TensorflowModule(), new AbstractModule() {
          @Override
          protected void configure() {
            bind(Clock.class).toInstance(TestModels.CLOCK);
          }
        });
    assertThat(injector.getInstance(ModelTrainer.class)).isInstanceOf(TfModelTrainer.class);
    assertThat(injector.getInstance(QualityModelLoader.class)).isInstanceOf(TfQualityModelLoader.class);
  }
}
