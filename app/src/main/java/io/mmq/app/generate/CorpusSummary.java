package io.mmq.app.generate;

import io.mmq.core.engagement.model.TimeWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CorpusWriter} wrote: the four files and their total size, the windows, and counts of
 * articles, engagement records (and how many are under-exposed), high-quality articles, articles
 * with images, images and Chinese articles.
 */
public record CorpusSummary(
    Path directory,
    Path resourcesFile,
    Path engagementFile,
    Path tasksFile,
    Path truthFile,
    long bytes,
    List<TimeWindow> windows,
    int articles,
    int engagementRecords,
    int underExposed,
    int highArticles,
    int articlesWithImages,
    int images,
    int chineseArticles) {

  public CorpusSummary {
    Objects.requireNonNull(directory, "directory is null");
    Objects.requireNonNull(resourcesFile, "resourcesFile is null");
    Objects.requireNonNull(engagementFile, "engagementFile is null");
    Objects.requireNonNull(tasksFile, "tasksFile is null");
    Objects.requireNonNull(truthFile, "truthFile is null");
    windows = List.copyOf(windows);
    if (bytes < 0
        || articles < 0
        || engagementRecords < 0
        || underExposed < 0
        || highArticles < 0
        || articlesWithImages < 0
        || images < 0
        || chineseArticles < 0) {
      throw new IllegalArgumentException("sizes and counts must not be negative");
    }
  }

  /** The files in the order they were written: resources, engagement, tasks, truth. */
  public List<Path> files() {
    return List.of(resourcesFile, engagementFile, tasksFile, truthFile);
  }

  /** The share of high-quality articles, 0 for an empty corpus. */
  public double highShare() {
    return articles == 0 ? 0 : (double) highArticles / articles;
  }
}
