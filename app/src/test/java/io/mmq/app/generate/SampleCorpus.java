package io.mmq.app.generate;

/** One generated corpus shared by the tests (generation takes a second or two). */
final class SampleCorpus {
  static final GeneratorConfig CONFIG = GeneratorConfig.DEFAULT.withArticles(600).withSeed(7);

  private static Corpus corpus;

  private SampleCorpus() {}

  static synchronized Corpus get() {
    if (corpus == null) {
      corpus = new CorpusGenerator(CONFIG).generate();
    }
    return corpus;
  }
}
