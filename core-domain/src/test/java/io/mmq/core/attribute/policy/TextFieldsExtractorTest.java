package io.mmq.core.attribute.policy;

import static io.mmq.core.attribute.policy.AttributeFixtures.embeddingImage;
import static io.mmq.core.attribute.policy.AttributeFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.mmq.core.attribute.model.TextFields;
import io.mmq.core.resource.model.ContentBlock;
import io.mmq.core.resource.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFieldsExtractorTest {

  private final Resource article =
      resource(
          "Hello, World! It's 2024.",
          List.of("Machine Learning", "AI", "推荐系统"),
          new ContentBlock.Heading("Intro"),
          new ContentBlock.Paragraph("First sentence. Second one!"),
          new ContentBlock.Paragraph("!!!"),
          embeddingImage("A cat."),
          new ContentBlock.Video(12),
          new ContentBlock.Quote("他说：“你好！”"),
          new ContentBlock.ListItem("Last item"));

  @Test
  void fieldsAreTokenisedAndBodySentencesFollowReadingOrderIncludingCaptions() {
    TextFields fields = TextFieldsExtractor.standard().extract(article);

    assertThat(fields.title()).containsExactly("hello", "world", "it's", "2024");
    assertThat(fields.tags()).containsExactly("machine", "learning", "ai", "推荐", "荐系", "系统");
    assertThat(fields.sentences())
        .containsExactly(
            List.of("intro"),
            List.of("first", "sentence"),
            List.of("second", "one"),
            List.of("a", "cat"),
            List.of("他说", "你好"),
            List.of("last", "item"));
  }

  @Test
  void limitsCapEveryField() {
    TextFields fields = new TextFieldsExtractor(new TextFieldsExtractor.Limits(2, 3, 2, 1))
        .extract(article);

    assertThat(fields.title()).containsExactly("hello", "world");
    assertThat(fields.tags()).containsExactly("machine", "learning", "ai");
    assertThat(fields.sentences()).containsExactly(List.of("intro"), List.of("first"));
  }

  @Test
  void emptyResourceHasEmptyFields() {
    TextFields fields = TextFieldsExtractor.standard().extract(resource(""));

    assertThat(fields.title()).isEmpty();
    assertThat(fields.tags()).isEmpty();
    assertThat(fields.sentences()).isEmpty();
  }

  @Test
  void limitsMustBePositive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TextFieldsExtractor.Limits(1, 1, 0, 1))
        .withMessage("maxSentences must be at least 1, was 0");
    assertThat(TextFieldsExtractor.Limits.DEFAULT)
        .isEqualTo(new TextFieldsExtractor.Limits(64, 64, 128, 64));
  }
}
