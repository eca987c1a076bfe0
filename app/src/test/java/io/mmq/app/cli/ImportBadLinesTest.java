package io.mmq.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmq.app.Application;
import io.mmq.app.config.MmqConfig;
import io.mmq.core.engagement.port.out.Engagements;
import io.mmq.core.resource.port.out.Resources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmq import} over the real database: files mixing good and malformed lines store the good
 * lines only, and list every bad one by line number, field path and reason; the {@code limits.*}
 * settings are the ones enforced (the title limit is lowered to 50 here).
 */
class ImportBadLinesTest {
  private static final String WINDOW =
      "\"windowStart\":\"2016-06-24T00:00:00Z\",\"windowEnd\":\"2016-06-25T00:00:00Z\"";
  /** A 1 x 1 PNG. */
  private static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
  /** The signature and header of a PNG declaring 50,000 x 50,000 pixels, and no pixel data. */
  private static final String BOMB_HEADER =
      "iVBORw0KGgoAAAANSUhEUgAAw1AAAMNQCAIAAADEzaqdAAAAAElFTkSuQmCC";

  @Test
  void onlyTheGoodLinesAreStoredAndEachBadOneIsNamed(@TempDir Path dir) throws Exception {
    Path resources =
        write(dir, "resources.jsonl",
            "{\"id\":\"a-1\",\"title\":\"fine\"}",
            "{\"title\":\"no id\"}",
            "{\"id\":\"a-2\",\"title\":\"" + "t".repeat(51) + "\"}",
            "{\"id\":\"a-3\",\"numericAttributes\":{\"x\":\"NaN\"}}",
            "{\"id\":\"a-4\",\"titel\":\"typo\"}",
            "{\"id\":\"a-5\",\"blocks\":[{\"image\":{\"data\":\"@@\"}}]}",
            "{\"id\":\"a-6\",\"blocks\":[{\"image\":{\"data\":\"" + BOMB_HEADER + "\"}}]}",
            "{\"id\":\"a-7\",\"blocks\":[{\"image\":{\"data\":\"bm90IGFuIGltYWdl\"}}]}",
            "{\"id\":\"a-1\",\"title\":\"again\"}",
            "{\"id\":\"a-8\",\"title\":\"with an image\",\"blocks\":[{\"image\":{\"data\":\"" + PNG + "\"}}]}");
    Path engagement =
        write(dir, "engagement.jsonl",
            "{\"resourceId\":\"a-1\"," + WINDOW + ",\"impressions\":100,\"metrics\":{\"ctr\":0.1}}",
            "{\"resourceId\":\"a-1\"," + WINDOW + ",\"impressions\":-1}",
            "{\"resourceId\":\"a-1\"," + WINDOW + ",\"metrics\":{\"ctr\":\"Infinity\"}}",
            "{\"resourceId\":\"a-1\",\"windowStart\":\"2016-06-25T00:00:00Z\",\"windowEnd\":\"2016-06-24T00:00:00Z\"}",
            "{" + WINDOW + "}",
            "{\"resourceId\":\"a-1\"," + WINDOW + ",\"impressions\":\"many\"}");
    MmqConfig config =
        MmqConfig.defaultsOnly()
            .with("data.dir", dir.resolve("data").toString())
            .with("limits.max-title-chars", "50");

    try (Application app = Application.open(config)) {
      Map<String, Object> report =
          ImportCommand.importFiles(app, resources, engagement, new PrintWriter(new StringWriter()));

      assertThat(summary(report, "resources"))
          .containsEntry("read", 10L)
          .containsEntry("stored", 2L)
          .containsEntry("rejected", 8);
      assertThat(errors(report, "resources"))
          .containsExactly(
              "line 2, id: is required",
              "line 3, title: has 51 characters; at most 50 allowed",
              "line 4, numericAttributes[\"x\"]: must be a finite number, was NaN",
              "line 5, titel: not valid JSON for Resource: Cannot find field: titel in message mmq.v1.Resource",
              "line 6, blocks[0].image.data: not valid JSON for Resource: Illegal base64 character 40",
              "line 7, blocks[0].image.data: image is 50000x50000 pixels; at most 20000 pixels per side allowed",
              "line 8, blocks[0].image.data: image bytes are not a decodable JPEG or PNG",
              "line 9: repeats line 1");
      assertThat(summary(report, "engagement"))
          .containsEntry("stored", 1L)
          .containsEntry("rejected", 5);
      assertThat(errors(report, "engagement"))
          .extracting(error -> error.substring(0, error.indexOf(':')))
          .containsExactly(
              "line 2, impressions",
              "line 3, metrics[\"ctr\"]",
              "line 4, windowEnd",
              "line 5, resourceId",
              "line 6, impressions");
      assertThat(app.get(Resources.class).count()).isEqualTo(2);
      assertThat(app.get(Engagements.class).count()).isEqualTo(1);
    }
  }

  private static Path write(Path dir, String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> summary(Map<String, Object> report, String what) {
    return (Map<String, Object>) report.get(what);
  }

  @SuppressWarnings("unchecked")
  private static List<String> errors(Map<String, Object> report, String what) {
    return (List<String>) summary(report, what).get("errors");
  }
}
