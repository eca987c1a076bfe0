package io.mmq.app.cli;

import io.mmq.core.engagement.model.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --from A --to B}: a half-open window given as instants or UTC dates. */
final class WindowOptions {
  @Option(names = "--from", required = true, paramLabel = "ISO", description = "Window start (inclusive): an instant (2026-01-05T00:00:00Z) or a date (2026-01-05, UTC).")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ISO", description = "Window end (exclusive).")
  String to;

  TimeWindow window(picocli.CommandLine line) {
    Instant start = parse(from, "--from", line);
    Instant end = parse(to, "--to", line);
    if (!start.isBefore(end)) {
      throw new ParameterException(line, "--to (" + to + ") must be after --from (" + from + ")");
    }
    return new TimeWindow(start, end);
  }

  static Instant parse(String text, String option, picocli.CommandLine line) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(line, option + " '" + text + "' is neither an ISO instant nor a date (YYYY-MM-DD)");
    }
  }
}
