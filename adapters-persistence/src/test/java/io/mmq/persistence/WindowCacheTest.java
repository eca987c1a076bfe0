package io.mmq.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.testing.builder.Windows;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowCacheTest {

  @Test
  void readsOfTheSameWindowShareOneObject() {
    WindowCache cache = new WindowCache();
    TimeWindow day = Windows.day("2016-06-24");
    long start = Instants.toNanos(day.start(), "start");
    long end = Instants.toNanos(day.end(), "end");

    TimeWindow first = cache.of(start, end);

    assertThat(first).isEqualTo(day);
    assertThat(cache.of(start, end)).isSameAs(first);
  }

  @Test
  void ninetyInterleavedDailyWindowsAreMadeOnceEach() {
    WindowCache cache = new WindowCache();
    Set<TimeWindow> distinct = Collections.newSetFromMap(new IdentityHashMap<>());

    for (int resource = 0; resource < 50; resource++) {
      for (int day = 0; day < 90; day++) {
        TimeWindow window = Windows.day(LocalDate.of(2016, 1, 1).plusDays(day).toString());
        distinct.add(
            cache.of(
                Instants.toNanos(window.start(), "start"), Instants.toNanos(window.end(), "end")));
      }
    }

    assertThat(distinct).hasSize(90);
  }

  @Test
  void moreWindowsThanItHoldsAreStillReadRight() {
    WindowCache cache = new WindowCache();

    for (int day = 0; day < 1_000; day++) {
      TimeWindow window = Windows.day(LocalDate.of(2016, 1, 1).plusDays(day).toString());
      assertThat(
              cache.of(
                  Instants.toNanos(window.start(), "start"), Instants.toNanos(window.end(), "end")))
          .isEqualTo(window);
    }
  }
}
