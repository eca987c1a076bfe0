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
    return window(from, "--from", to, "--to", line);
  }

  /** The window of two option values, each an instant or a UTC date; the end after the start. */
  static TimeWindow window(String from, String fromOption, String to, String toOption, picocli.CommandLine line) {
    Instant start = parse(from, fromOption, line);
    Instant end = parse(to, toOption, line);
    if (!start.isBefore(end)) {
      throw new ParameterException(line, toOption + " (" + to + ") must be after " + fromOption + " (" + from + ")");
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
