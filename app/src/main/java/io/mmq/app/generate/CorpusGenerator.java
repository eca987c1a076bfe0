package io.mmq.app.generate;

import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.resource.model.ResourceId;
import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import io.mmq.core.task.model.TaskSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Generates a synthetic corpus with quality signals planted in every channel (R2 inputs) and
 * engagement that follows them (see {@link EngagementModel}), for the quickstart and for users'
 * trials. Pure and seeded: the same {@link GeneratorConfig} always gives the same corpus.
 *
 * <p>Each article gets a hidden quality (HIGH with {@link GeneratorConfig#highShare()}). Each
 * channel of {@link Channel} then shows that quality with probability {@link
 * GeneratorConfig#signalFidelity()} and the opposite otherwise, independently, so no single channel
 * is perfect but together they are telling. Articles are spread evenly over the windows, oldest
 * first; each gets one engagement record for its window, some of them under-exposed.
 */
public final class CorpusGenerator {

  /** The minimum impressions of every generated task. */
  public static final long MIN_IMPRESSIONS = 100;

  /**
   * The tasks that fit the generated engagement: ctr (MEAN), dwell (MEDIAN), comment_rate (MEAN)
   * higher is better, bounce (MEAN) lower is better; 100 impressions minimum, weight 1.
   */
  public static final TaskSet TASKS =
      TaskSet.of(
          task(EngagementModel.CTR, Direction.HIGHER_IS_BETTER, ReferenceStatistic.MEAN),
          task(EngagementModel.DWELL, Direction.HIGHER_IS_BETTER, ReferenceStatistic.MEDIAN),
          task(EngagementModel.COMMENT_RATE, Direction.HIGHER_IS_BETTER, ReferenceStatistic.MEAN),
          task(EngagementModel.BOUNCE, Direction.LOWER_IS_BETTER, ReferenceStatistic.MEAN));

  private final GeneratorConfig config;

  public CorpusGenerator(GeneratorConfig config) {
    this.config = Objects.requireNonNull(config, "config is null");
  }

  public GeneratorConfig config() {
    return config;
  }

  public Corpus generate() {
    Draws root = new Draws(config.seed());
    PublisherPool publishers = PublisherPool.create(config.publishers(), root.split());
    List<TimeWindow> windows = config.timeWindows();
    Draws windowDraws = root.split();
    List<EngagementModel.WindowEffect> effects = new ArrayList<>();
    for (int w = 0; w < windows.size(); w++) {
      effects.add(EngagementModel.WindowEffect.draw(windowDraws));
    }
    ArticleComposer composer =
        new ArticleComposer(new ImagePainter(config.imageWidth(), config.imageHeight()));

    int n = config.articles();
    List<Resource> resources = new ArrayList<>(n);
    List<EngagementRecord> engagement = new ArrayList<>(n);
    List<ArticleTruth> truth = new ArrayList<>(n);
    int idWidth = Math.max(5, Integer.toString(n).length());
    for (int i = 0; i < n; i++) {
      Draws draws = root.split();
      ResourceId id = ResourceId.of(String.format(Locale.ROOT, "a-%0" + idWidth + "d", i + 1));
      int windowIndex = config.windowOf(i);
      TimeWindow window = windows.get(windowIndex);

      boolean high = draws.chance(config.highShare());
      ArticleComposer.Looks looks =
          new ArticleComposer.Looks(
              shows(high, draws),
              shows(high, draws),
              shows(high, draws),
              shows(high, draws),
              shows(high, draws));
      boolean strongPublisher = shows(high, draws);
      boolean chinese = draws.chance(config.chineseShare());
      boolean withImages = draws.chance(config.imageShare());
      boolean underExposed = draws.chance(config.underExposedShare());
      long seconds = window.length().getSeconds();
      Instant publishedAt = window.start().plusSeconds((long) draws.uniform(0, seconds));

      PublisherPool.Entry publisher = publishers.pick(strongPublisher, draws);
      Lexicon lexicon = chinese ? Lexicon.CHINESE : Lexicon.ENGLISH;
      ArticleComposer.Article article =
          composer.compose(id, lexicon, looks, withImages, publisher, publishedAt, draws);

      long impressions = EngagementModel.impressions(underExposed, strongPublisher, draws);
      Map<String, Double> metrics =
          EngagementModel.metrics(
              new EngagementModel.Inputs(
                  high, looks, article.images(), strongPublisher, article.discussion()),
              effects.get(windowIndex),
              impressions,
              draws);

      resources.add(article.resource());
      engagement.add(new EngagementRecord(id, window, OptionalLong.of(impressions), metrics));
      truth.add(
          new ArticleTruth(
              id,
              quality(high),
              window,
              lexicon.code(),
              publisher.publisher().id(),
              article.images(),
              impressions,
              impressions < MIN_IMPRESSIONS,
              signals(looks, strongPublisher, article.images())));
    }
    return new Corpus(config, windows, resources, engagement, TASKS, truth);
  }

  /** The look of one channel: the true quality with the configured fidelity, else the opposite. */
  private boolean shows(boolean high, Draws draws) {
    return draws.chance(config.signalFidelity()) == high;
  }

  private static Map<Channel, QualityClass> signals(
      ArticleComposer.Looks looks, boolean strongPublisher, int images) {
    Map<Channel, QualityClass> signals = new EnumMap<>(Channel.class);
    signals.put(Channel.TITLE, quality(looks.title()));
    signals.put(Channel.TAGS, quality(looks.tags()));
    signals.put(Channel.BODY, quality(looks.body()));
    if (images > 0) {
      signals.put(Channel.IMAGES, quality(looks.images()));
    }
    signals.put(Channel.LAYOUT, quality(looks.layout()));
    signals.put(Channel.PUBLISHER, quality(strongPublisher));
    return signals;
  }

  private static QualityClass quality(boolean high) {
    return high ? QualityClass.HIGH : QualityClass.LOW;
  }

  private static Task task(String name, Direction direction, ReferenceStatistic reference) {
    return new Task(TaskName.of(name), name, direction, reference, MIN_IMPRESSIONS, 1.0);
  }
}
