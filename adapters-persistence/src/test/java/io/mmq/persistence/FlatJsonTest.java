package io.mmq.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTest {

  @Test
  void writesNumbersSortedByKeyInShortestExactForm() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("dwell", 41.5);
    metrics.put("ctr", 0.031);
    metrics.put("tiny", 1e-5);

    assertThat(FlatJson.ofNumbers(metrics))
        .isEqualTo("{\"ctr\":0.031,\"dwell\":41.5,\"tiny\":1.0E-5}");
  }

  @Test
  void escapesQuotesBackslashesAndEverythingOutsidePrintableAscii() {
    assertThat(FlatJson.ofStrings(Map.of("k\"\\", "é\n\u0000")))
        .isEqualTo("{\"k\\\"\\\\\":\"\\u00e9\\u000a\\u0000\"}");
  }

  @Test
  void numbersRoundTripBitForBitIncludingNonFiniteOnes() {
    Map<String, Double> values =
        Map.of(
            "third",
            1.0 / 3,
            "negative_zero",
            -0.0,
            "min",
            Double.MIN_VALUE,
            "max",
            -Double.MAX_VALUE,
            "nan",
            Double.NaN,
            "inf",
            Double.POSITIVE_INFINITY,
            "minus_inf",
            Double.NEGATIVE_INFINITY);

    Map<String, Double> back = FlatJson.toNumbers(FlatJson.ofNumbers(values));

    assertThat(back).isEqualTo(values);
    assertThat(Double.doubleToRawLongBits(back.get("negative_zero")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void stringsRoundTripWhateverTheirCharacters() {
    Map<String, String> values = Map.of("lone \uD800 surrogate", "漢字 😀", "", "\"quoted\"\\");

    assertThat(FlatJson.toStrings(FlatJson.ofStrings(values))).isEqualTo(values);
    assertThat(FlatJson.toStrings("{}")).isEmpty();
  }

  @Test
  void malformedTextIsRejectedWithItsOffset() {
    assertThatThrownBy(() -> FlatJson.toNumbers("{\"ctr\":0.1,}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 11");
    assertThatThrownBy(() -> FlatJson.toNumbers("{\"ctr\":\"high\"}"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> FlatJson.toNumbers("{} extra")).hasMessageContaining("trailing");
  }
}
