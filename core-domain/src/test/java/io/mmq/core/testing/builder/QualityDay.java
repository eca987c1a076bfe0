package io.mmq.core.testing.builder;

import static io.mmq.core.testing.builder.EngagementRecordBuilder.anEngagementRecord;
import static io.mmq.core.testing.builder.ResourceBuilder.aResource;

import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One day of a catalogue where the title tells the quality, for flow tests: {@code
 * QualityDay.on("2016-06-24").good("great story", 10).bad("dull story", 10)}. A good resource gets
 * ctr 0.05 and dwell 60, a bad one ctr 0.01 and dwell 10, each with 5000 impressions, so that with
 * the tasks {@code ctr} and {@code dwell} (see {@link TaskBuilder#tasksNamed}) and equal numbers of
 * good and bad resources the window means (0.03, 35) label every good resource POSITIVE and every
 * bad one NEGATIVE. Ids are {@code <date>-<nn>} in the order added.
 */
public final class QualityDay {
  public static final double GOOD_CTR = 0.05;
  public static final double BAD_CTR = 0.01;

  private final String date;
  private final TimeWindow window;
  private final List<Resource> resources = new ArrayList<>();
  private final List<EngagementRecord> engagement = new ArrayList<>();

  private QualityDay(String date) {
    this.date = date;
    this.window = Windows.day(date);
  }

  public static QualityDay on(String isoDate) {
    return new QualityDay(isoDate);
  }

  public QualityDay good(String title, int count) {
    return add(title, count, GOOD_CTR, 60);
  }

  public QualityDay bad(String title, int count) {
    return add(title, count, BAD_CTR, 10);
  }

  private QualityDay add(String title, int count, double ctr, double dwell) {
    for (int i = 0; i < count; i++) {
      String id = String.format(Locale.ROOT, "%s-%02d", date, resources.size());
      resources.add(aResource().withId(id).withTitle(title).build());
      engagement.add(
          anEngagementRecord().forResource(id).inWindow(window).withImpressions(5_000)
              .withMetric("ctr", ctr).withMetric("dwell", dwell).build());
    }
    return this;
  }

  public TimeWindow window() {
    return window;
  }

  public List<Resource> resources() {
    return List.copyOf(resources);
  }

  public List<EngagementRecord> engagement() {
    return List.copyOf(engagement);
  }
}
