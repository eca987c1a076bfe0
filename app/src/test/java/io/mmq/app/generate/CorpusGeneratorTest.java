package io.mmq.app.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.core.attribute.model.ImageAttributes;
import io.mmq.core.attribute.policy.ImageAttributeExtractor;
import io.mmq.core.classification.model.QualityClass;
import io.mmq.core.engagement.model.EngagementRecord;
import io.mmq.core.engagement.model.TimeWindow;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.ImageContent;
import io.mmq.core.resource.model.Resource;
import io.mmq.core.task.model.Direction;
import io.mmq.core.task.model.ReferenceStatistic;
import io.mmq.core.task.model.Task;
import io.mmq.core.task.model.TaskName;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  private final Corpus corpus = SampleCorpus.get();

  @Test
  void everyArticleHasOneEngagementRecordInTheWindowItWasPublishedIn() {
    assertThat(corpus.resources()).hasSize(600);
    Set<TimeWindow> used = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      Resource resource = corpus.resources().get(i);
      EngagementRecord record = corpus.engagement().get(i);
      ArticleTruth truth = corpus.truth().get(i);
      assertThat(record.resourceId()).isEqualTo(resource.id());
      assertThat(truth.id()).isEqualTo(resource.id());
      assertThat(record.window()).isEqualTo(truth.window());
      assertThat(record.window().contains(resource.publishedAt().orElseThrow())).isTrue();
      assertThat(record.impressions().getAsLong()).isEqualTo(truth.impressions());
      used.add(record.window());
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(corpus.windows());
    assertThat(corpus.resources().stream().map(Resource::id).distinct()).hasSize(600);
  }

  @Test
  void theTaskSetIsTheFourTasksOfTheBrief() {
    assertThat(corpus.tasks().tasks())
        .containsExactly(
            new Task(
                TaskName.of("ctr"),
                "ctr",
                Direction.HIGHER_IS_BETTER,
                ReferenceStatistic.MEAN,
                100,
                1.0),
            new Task(
                TaskName.of("dwell"),
                "dwell",
                Direction.HIGHER_IS_BETTER,
                ReferenceStatistic.MEDIAN,
                100,
                1.0),
            new Task(
                TaskName.of("comment_rate"),
                "comment_rate",
                Direction.HIGHER_IS_BETTER,
                ReferenceStatistic.MEAN,
                100,
                1.0),
            new Task(
                TaskName.of("bounce"),
                "bounce",
                Direction.LOWER_IS_BETTER,
                ReferenceStatistic.MEAN,
                100,
                1.0));
  }

  @Test
  void sharesFollowTheConfiguration() {
    // 600 articles: binomial sd of a share is at most 0.02
    assertThat(share(t -> t.quality() == QualityClass.HIGH)).isBetween(0.37, 0.53);
    assertThat(share(t -> t.images() > 0)).isBetween(0.52, 0.68);
    assertThat(share(t -> t.language().equals("zh"))).isBetween(0.10, 0.20);
    assertThat(share(ArticleTruth::underExposed)).isBetween(0.04, 0.12);
    assertThat(corpus.truth())
        .allSatisfy(t -> assertThat(t.underExposed()).isEqualTo(t.impressions() < 100));
  }

  @Test
  void noChannelIsPerfectButEachAgreesWithTheQualityMostOfTheTime() {
    for (Channel channel : Channel.values()) {
      List<ArticleTruth> carrying =
          corpus.truth().stream().filter(t -> t.signals().containsKey(channel)).toList();
      long agreeing =
          carrying.stream().filter(t -> t.signals().get(channel) == t.quality()).count();
      // fidelity 0.8; at least 300 articles carry each channel, sd of the share <= 0.023
      assertThat((double) agreeing / carrying.size()).as(channel.name()).isBetween(0.72, 0.88);
    }
  }

  @Test
  void chineseArticlesHaveChineseTitlesAndBodies() {
    List<Resource> chinese =
        corpus.resources().stream().filter(r -> r.language().equals("zh")).toList();
    assertThat(chinese).isNotEmpty();
    assertThat(chinese)
        .allSatisfy(
            r -> {
              assertThat(r.title().codePoints().anyMatch(CorpusGeneratorTest::isHan)).isTrue();
              assertThat(r.blocks().get(0).text().codePoints().anyMatch(CorpusGeneratorTest::isHan))
                  .isTrue();
            });
    assertThat(corpus.resources().stream().filter(r -> r.language().equals("en")))
        .allSatisfy(
            r -> assertThat(r.title().codePoints().noneMatch(CorpusGeneratorTest::isHan)).isTrue());
  }

  @Test
  void layoutsDifferBetweenHighAndLowLookingArticles() {
    for (int i = 0; i < corpus.resources().size(); i++) {
      List<ContentBlock.Kind> kinds =
          corpus.resources().get(i).blocks().stream().map(ContentBlock::kind).toList();
      if (corpus.truth().get(i).signals().get(Channel.LAYOUT) == QualityClass.HIGH) {
        assertThat(kinds).contains(ContentBlock.Kind.HEADING, ContentBlock.Kind.LIST_ITEM);
      } else {
        assertThat(kinds).doesNotContain(ContentBlock.Kind.HEADING, ContentBlock.Kind.LIST_ITEM);
        assertThat(
                kinds.stream().filter(k -> k == ContentBlock.Kind.PARAGRAPH).count()
                    + kinds.stream().filter(k -> k == ContentBlock.Kind.IMAGE).count())
            .isGreaterThanOrEqualTo(4);
      }
    }
  }

  @Test
  void highArticlesHaveAHigherMeanCtrThanLowOnesInEveryWindow() {
    for (TimeWindow window : corpus.windows()) {
      double high = meanMetric("ctr", window, QualityClass.HIGH);
      double low = meanMetric("ctr", window, QualityClass.LOW);
      assertThat(high).as("window %s", window).isGreaterThan(1.5 * low);
    }
  }

  @Test
  void highArticlesDwellLongerCommentMoreAndBounceLess() {
    TimeWindow all =
        new TimeWindow(
            corpus.windows().get(0).start(),
            corpus.windows().get(corpus.windows().size() - 1).end());
    assertThat(meanMetric("dwell", all, QualityClass.HIGH))
        .isGreaterThan(1.3 * meanMetric("dwell", all, QualityClass.LOW));
    assertThat(meanMetric("comment_rate", all, QualityClass.HIGH))
        .isGreaterThan(1.3 * meanMetric("comment_rate", all, QualityClass.LOW));
    assertThat(meanMetric("bounce", all, QualityClass.HIGH))
        .isLessThan(meanMetric("bounce", all, QualityClass.LOW) - 0.1);
  }

  @Test
  void everyImageDecodesAndHighArticlesImagesAreMoreColourfulAndSharper() throws IOException {
    List<ImageAttributes> high = new ArrayList<>();
    List<ImageAttributes> low = new ArrayList<>();
    for (int i = 0; i < corpus.resources().size(); i++) {
      for (ImageContent image : corpus.resources().get(i).images()) {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.data()));
        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(48);
        ImageAttributes attributes = ImageAttributeExtractor.standard().extract(image);
        (corpus.truth().get(i).quality() == QualityClass.HIGH ? high : low).add(attributes);
      }
    }
    assertThat(high).hasSizeGreaterThan(50);
    assertThat(low).hasSizeGreaterThan(50);
    assertThat(mean(high, ImageAttributes::colourfulness))
        .isGreaterThan(1.5 * mean(low, ImageAttributes::colourfulness));
    assertThat(mean(high, ImageAttributes::sharpness))
        .isGreaterThan(1.5 * mean(low, ImageAttributes::sharpness));
  }

  @Test
  void highArticlesUseQualityWordsInTitlesAndComeFromStrongerPublishers() {
    Predicate<Resource> qualityTitle =
        r ->
            Lexicon.ENGLISH.qualityWords().stream()
                .anyMatch(word -> r.title().toLowerCase(java.util.Locale.ROOT).contains(word));
    double highTitles = 0;
    double lowTitles = 0;
    double highAuthority = 0;
    double lowAuthority = 0;
    int highCount = 0;
    int lowCount = 0;
    for (int i = 0; i < corpus.resources().size(); i++) {
      Resource resource = corpus.resources().get(i);
      boolean high = corpus.truth().get(i).quality() == QualityClass.HIGH;
      double title = qualityTitle.test(resource) ? 1 : 0;
      if (high) {
        highTitles += title;
        highAuthority += resource.publisher().authority();
        highCount++;
      } else {
        lowTitles += title;
        lowAuthority += resource.publisher().authority();
        lowCount++;
      }
    }
    assertThat(highTitles / highCount).isGreaterThan(lowTitles / lowCount + 0.3);
    assertThat(highAuthority / highCount).isGreaterThan(lowAuthority / lowCount + 0.15);
  }

  @Test
  void theSameSeedGivesAnEqualCorpusAndAnotherSeedADifferentOne() {
    GeneratorConfig small = SampleCorpus.CONFIG.withArticles(40);
    Corpus first = new CorpusGenerator(small).generate();
    Corpus again = new CorpusGenerator(small).generate();
    Corpus other = new CorpusGenerator(small.withSeed(8)).generate();

    assertThat(again.resources()).isEqualTo(first.resources());
    assertThat(again.engagement()).isEqualTo(first.engagement());
    assertThat(again.truth()).isEqualTo(first.truth());
    assertThat(other.resources()).isNotEqualTo(first.resources());
    assertThat(other.truth()).isNotEqualTo(first.truth());
  }

  private double share(Predicate<ArticleTruth> predicate) {
    return (double) corpus.truth().stream().filter(predicate).count() / corpus.truth().size();
  }

  private double meanMetric(String metric, TimeWindow window, QualityClass quality) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < corpus.engagement().size(); i++) {
      EngagementRecord record = corpus.engagement().get(i);
      if (window.encloses(record.window())
          && corpus.truth().get(i).quality() == quality
          && record.isReliable(CorpusGenerator.MIN_IMPRESSIONS)) {
        sum += record.metric(metric).orElseThrow();
        n++;
      }
    }
    assertThat(n).isPositive();
    return sum / n;
  }

  private static double mean(List<ImageAttributes> images, ToDoubleFunction<ImageAttributes> f) {
    return images.stream().mapToDouble(f).average().orElseThrow();
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
