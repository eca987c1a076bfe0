package io.mmq.core.attribute.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void englishTitleIsLowerCasedWithPunctuationDroppedAndContractionsKeptWhole() {
    assertThat(Tokenizer.tokenize("Hello, World! It's 2024."))
        .containsExactly("hello", "world", "it's", "2024");
  }

  @Test
  void typographicApostropheBecomesAsciiAndOuterApostrophesAreDropped() {
    assertThat(Tokenizer.tokenize("It’s the dogs' 'toys'")).containsExactly("it's", "the", "dogs", "toys");
    assertThat(Tokenizer.tokenize("the 90's")).containsExactly("the", "90's");
  }

  @Test
  void chineseRunIsSplitIntoOverlappingBigramsNotOneTokenPerSentence() {
    assertThat(Tokenizer.tokenize("多媒体资源推荐方法"))
        .containsExactly("多媒", "媒体", "体资", "资源", "源推", "推荐", "荐方", "方法");
  }

  @Test
  void chinesePunctuationSeparatesRunsAndALoneCharacterIsItsOwnToken() {
    assertThat(Tokenizer.tokenize("你好，世界。好")).containsExactly("你好", "世界", "好");
  }

  @Test
  void mixedChineseEnglishAndNumbersSplitAtScriptBoundaries() {
    assertThat(Tokenizer.tokenize("我爱Java编程3次")).containsExactly("我爱", "java", "编程", "3", "次");
    assertThat(Tokenizer.tokenize("5G网络 and H200")).containsExactly("5g", "网络", "and", "h200");
  }

  @Test
  void numbersKeepDecimalPointsAndDropThousandsSeparators() {
    assertThat(Tokenizer.tokenize("Pi is 3.14, population 1,000,000 and 1,2; version 1.2.3."))
        .containsExactly("pi", "is", "3.14", "population", "1000000", "and", "1", "2", "version",
            "1.2.3");
  }

  @Test
  void fullWidthFormsAreNormalisedToAscii() {
    assertThat(Tokenizer.tokenize("ＡＢＣ　２０２４！")).containsExactly("abc", "2024");
  }

  @Test
  void accentsSurviveAndDecomposedInputIsComposed() {
    assertThat(Tokenizer.tokenize("Café ÜBERMÄSSIG Cafe\u0301"))
        .containsExactly("café", "übermässig", "café");
  }

  @Test
  void hyphensAndSymbolsSeparateTokens() {
    assertThat(Tokenizer.tokenize("state-of-the-art #AI @mmq_bot"))
        .containsExactly("state", "of", "the", "art", "ai", "mmq", "bot");
  }

  @Test
  void katakanaWithProlongedSoundMarkStaysOneRun() {
    assertThat(Tokenizer.tokenize("コーヒー")).containsExactly("コー", "ーヒ", "ヒー");
  }

  @Test
  void textWithoutLettersOrDigitsHasNoTokens() {
    assertThat(Tokenizer.tokenize("")).isEmpty();
    assertThat(Tokenizer.tokenize(" !!! ... —— ")).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> Tokenizer.tokenize(null));
  }

  @Test
  void numberTokensAreRecognised() {
    assertThat(Tokenizer.isNumber("2024")).isTrue();
    assertThat(Tokenizer.isNumber("3.14")).isTrue();
    assertThat(Tokenizer.isNumber("h200")).isFalse();
    assertThat(Tokenizer.isNumber("90's")).isFalse();
    assertThat(Tokenizer.isNumber("1.")).isFalse();
    assertThat(Tokenizer.isNumber("")).isFalse();
  }
}
