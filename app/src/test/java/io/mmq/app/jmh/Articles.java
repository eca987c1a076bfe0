package io.mmq.app.jmh;

import io.mmq.core.resource.model.Resource;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A pool of {@value #POOL} generated articles of one {@link Kind}, handed out in turn
 * so that a benchmark does not measure one article over and over.
 */
@State(Scope.Thread)
public class Articles {
  static final int POOL = 128;

  /** Which articles: text only, or text with exactly one image. */
  public enum Kind {
    TEXT(0),
    ONE_IMAGE(1);

    final int images;

    Kind(int images) {
      this.images = images;
    }
  }

  @Param({"TEXT", "ONE_IMAGE"})
  public Kind kind;

  private List<Resource> pool;
  private int next;

  @Setup
  public void generate() {
    pool = BenchmarkData.articles(kind, POOL);
  }

  List<Resource> all() {
    return pool;
  }

  Resource next() {
    Resource article = pool.get(next);
    next = (next + 1) % POOL;
    return article;
  }
}
