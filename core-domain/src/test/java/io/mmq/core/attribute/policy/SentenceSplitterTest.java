package io.mmq.core.attribute.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void englishSplitsOnFullStopQuestionAndExclamationMarks() {
    assertThat(SentenceSplitter.split("Hello world. How are you?  Fine!"))
        .containsExactly("Hello world.", "How are you?", "Fine!");
  }

  @Test
  void chineseSplitsOnCjkTerminatorsAndKeepsTheClosingQuote() {
    assertThat(SentenceSplitter.split("他说：“你好！”然后走了。真的吗？"))
        .containsExactly("他说：“你好！”", "然后走了。", "真的吗？");
  }

  @Test
  void closingQuoteStaysWithItsSentence() {
    assertThat(SentenceSplitter.split("He said \"Stop!\" Then he left."))
        .containsExactly("He said \"Stop!\"", "Then he left.");
  }

  @Test
  void lowerCaseAfterTheTerminatorContinuesTheSentence() {
    assertThat(SentenceSplitter.split("\"Stop!\" he said. Wait... what? Yes."))
        .containsExactly("\"Stop!\" he said.", "Wait... what?", "Yes.");
  }

  @Test
  void decimalPointsAndDomainNamesDoNotSplit() {
    assertThat(SentenceSplitter.split("Pi is 3.14 on example.com today. Next"))
        .containsExactly("Pi is 3.14 on example.com today.", "Next");
  }

  @Test
  void asciiTerminatorBeforeChineseSplits() {
    assertThat(SentenceSplitter.split("真的吗?我不信.版本1.0发布")).containsExactly("真的吗?", "我不信.", "版本1.0发布");
  }

  @Test
  void lineBreaksAlwaysSplitAndEmptyLinesAreDropped() {
    assertThat(SentenceSplitter.split("line one\nline two\r\n\n  line three  "))
        .containsExactly("line one", "line two", "line three");
    assertThat(SentenceSplitter.split("   ")).isEmpty();
  }

  @Test
  void questionsAndExclamationsAreRecognisedBehindClosingQuotes() {
    assertThat(SentenceSplitter.isQuestion("Really?!")).isTrue();
    assertThat(SentenceSplitter.isExclamation("Really?!")).isTrue();
    assertThat(SentenceSplitter.isQuestion("他问：“为什么？”")).isTrue();
    assertThat(SentenceSplitter.isQuestion("Is it? No.")).isFalse();
    assertThat(SentenceSplitter.isExclamation("Wow! Fine")).isFalse();
  }
}
