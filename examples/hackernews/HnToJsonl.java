import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts the Hacker News posts CSV ({@code id,title,url,num_points,num_comments,author,created_at},
 * {@code created_at} as {@code M/D/YYYY H:MM} UTC) into the R17 JSON Lines that {@code mmq import}
 * reads:
 *
 * <ul>
 *   <li>{@code resources.jsonl}: one resource a post: id {@code hn-<id>}, the title, the url's host
 *       (lower case, without {@code www.}) as {@code source}, {@code language} "en", the post time
 *       as {@code publishedAt}, categorical attributes {@code kind} (ask, show, tell, launch or
 *       link, from the title's prefix), {@code hour} (UTC hour) and {@code weekday}, and the author
 *       as publisher. The publisher's figures come only from the author's earlier posts in the file
 *       (strictly earlier {@code created_at}): {@code ageDays} = days since the author's first
 *       earlier post, attribute {@code prior_posts} = how many; and, over the earlier posts that
 *       are at least {@value #SETTLE_DAYS} days older (their points and comments had time to
 *       settle, so a model serving at publish time could know them), {@code prior_settled_posts},
 *       {@code prior_log_points_mean}, {@code prior_log_comments_mean}, {@code
 *       prior_log_points_max} (logs are {@code ln(1 + x)}; the three means and the max are absent
 *       when no earlier post has settled). Numeric attributes of the source, from the earlier posts
 *       of the same host by the same rules: {@code source_prior_posts}, {@code
 *       source_prior_settled_posts}, {@code source_prior_log_points_mean}, {@code
 *       source_prior_log_comments_mean} (none for a post without a url).
 *   <li>{@code engagement.jsonl}: one record a post, window = the post's calendar month (UTC),
 *       metrics {@code points} and {@code comments}, no impressions (every record is reliable), so
 *       labels are derived per calendar month.
 * </ul>
 *
 * The CSV is read by RFC 4180 rules (quoted fields may hold commas, doubled quotes and line
 * breaks). A malformed row (wrong number of fields, blank id or author, non-numeric counts, bad
 * date, duplicate id) is reported on stderr with its line number and skipped; the exit code is 2
 * when some row was skipped, 0 otherwise.
 *
 * <p>Usage: {@code java examples/hackernews/HnToJsonl.java CSV OUT_DIR}
 */
public final class HnToJsonl {
  static final int SETTLE_DAYS = 2;
  static final int FIELDS = 7;
  static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("M/d/uuuu H:mm", Locale.ROOT);

  record Post(String id, String title, String host, long points, long comments, String author, Instant createdAt) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java HnToJsonl.java CSV OUT_DIR");
      System.exit(64);
    }
    Path csv = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    List<String> problems = new ArrayList<>();
    List<Post> posts;
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      posts = read(reader, problems);
    }
    problems.forEach(p -> System.err.println(csv + ": " + p));
    posts.sort(Comparator.comparing(Post::createdAt).thenComparing(p -> Long.parseLong(p.id())));
    int written = write(posts, out);
    System.err.printf("%s: %d posts -> %s (resources.jsonl, engagement.jsonl), %d malformed rows skipped%n",
        csv, written, out, problems.size());
    System.exit(problems.isEmpty() ? 0 : 2);
  }

  static List<Post> read(Reader reader, List<String> problems) throws IOException {
    CsvReader rows = new CsvReader(reader);
    List<String> header = rows.next();
    List<String> expected = List.of("id", "title", "url", "num_points", "num_comments", "author", "created_at");
    if (header == null || !header.stream().map(String::strip).toList().equals(expected)) {
      throw new IOException("line 1: header must be " + String.join(",", expected) + ", was " + header);
    }
    List<Post> posts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> row;
    while (true) {
      int line = rows.line();
      try {
        row = rows.next();
      } catch (IllegalArgumentException e) {
        problems.add("line " + line + ": " + e.getMessage());
        continue;
      }
      if (row == null) {
        break;
      }
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      try {
        Post post = parse(row);
        if (!ids.add(post.id())) {
          throw new IllegalArgumentException("id: duplicate id " + post.id());
        }
        posts.add(post);
      } catch (IllegalArgumentException e) {
        problems.add("line " + line + ": " + e.getMessage());
      }
    }
    return posts;
  }

  static Post parse(List<String> row) {
    if (row.size() != FIELDS) {
      throw new IllegalArgumentException("expected " + FIELDS + " fields, found " + row.size());
    }
    String id = row.get(0).strip();
    if (!id.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("id: not a positive integer: '" + id + "'");
    }
    String author = row.get(5).strip();
    if (author.isEmpty()) {
      throw new IllegalArgumentException("author: blank");
    }
    Instant createdAt;
    try {
      createdAt = LocalDateTime.parse(row.get(6).strip(), CREATED_AT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("created_at: not M/D/YYYY H:MM: '" + row.get(6) + "'");
    }
    return new Post(id, row.get(1).strip(), host(row.get(2).strip()), count(row.get(3), "num_points"),
        count(row.get(4), "num_comments"), author, createdAt);
  }

  static long count(String raw, String field) {
    try {
      long v = Long.parseLong(raw.strip());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(field + ": not a non-negative integer: '" + raw + "'");
  }

  /** The url's host, lower case, without a leading "www."; empty for no url or an unparsable one. */
  static String host(String url) {
    if (url.isEmpty()) {
      return "";
    }
    try {
      String host = new URI(url).getHost();
      if (host == null) {
        return "";
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (URISyntaxException e) {
      int start = url.indexOf("://");
      String rest = start < 0 ? url : url.substring(start + 3);
      int end = rest.indexOf('/');
      String host = (end < 0 ? rest : rest.substring(0, end)).toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    }
  }

  static String kind(String title) {
    String t = title.toLowerCase(Locale.ROOT);
    if (t.startsWith("ask hn")) {
      return "ask";
    }
    if (t.startsWith("show hn")) {
      return "show";
    }
    if (t.startsWith("tell hn")) {
      return "tell";
    }
    if (t.startsWith("launch hn")) {
      return "launch";
    }
    return "link";
  }

  /** Writes both files from the posts in time order; every author's history only looks back. */
  static int write(List<Post> posts, Path out) throws IOException {
    Map<String, List<Post>> earlier = new HashMap<>();
    Map<String, List<Post>> earlierFromSource = new HashMap<>();
    try (BufferedWriter resources = Files.newBufferedWriter(out.resolve("resources.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter engagement = Files.newBufferedWriter(out.resolve("engagement.jsonl"), StandardCharsets.UTF_8)) {
      for (Post post : posts) {
        List<Post> history = earlier.computeIfAbsent(post.author(), a -> new ArrayList<>());
        List<Post> sourceHistory =
            post.host().isEmpty() ? List.of() : earlierFromSource.computeIfAbsent(post.host(), h -> new ArrayList<>());
        resources.write(resourceJson(post, history, sourceHistory));
        resources.newLine();
        engagement.write(engagementJson(post));
        engagement.newLine();
        history.add(post);
        if (!post.host().isEmpty()) {
          sourceHistory.add(post);
        }
      }
    }
    return posts.size();
  }

  static String resourceJson(Post post, List<Post> history, List<Post> sourceHistory) {
    List<Post> before = history.stream().filter(p -> p.createdAt().isBefore(post.createdAt())).toList();
    Instant settled = post.createdAt().minus(Duration.ofDays(SETTLE_DAYS));
    List<Post> settledBefore = before.stream().filter(p -> !p.createdAt().isAfter(settled)).toList();
    Map<String, Object> numeric = new LinkedHashMap<>();
    if (!post.host().isEmpty()) {
      List<Post> sourceBefore = sourceHistory.stream().filter(p -> p.createdAt().isBefore(post.createdAt())).toList();
      List<Post> sourceSettled = sourceBefore.stream().filter(p -> !p.createdAt().isAfter(settled)).toList();
      numeric.put("source_prior_posts", sourceBefore.size());
      numeric.put("source_prior_settled_posts", sourceSettled.size());
      if (!sourceSettled.isEmpty()) {
        numeric.put("source_prior_log_points_mean", sourceSettled.stream().mapToDouble(p -> Math.log1p(p.points())).average().orElseThrow());
        numeric.put("source_prior_log_comments_mean", sourceSettled.stream().mapToDouble(p -> Math.log1p(p.comments())).average().orElseThrow());
      }
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("prior_posts", before.size());
    attributes.put("prior_settled_posts", settledBefore.size());
    if (!settledBefore.isEmpty()) {
      attributes.put("prior_log_points_mean", settledBefore.stream().mapToDouble(p -> Math.log1p(p.points())).average().orElseThrow());
      attributes.put("prior_log_comments_mean", settledBefore.stream().mapToDouble(p -> Math.log1p(p.comments())).average().orElseThrow());
      attributes.put("prior_log_points_max", settledBefore.stream().mapToDouble(p -> Math.log1p(p.points())).max().orElseThrow());
    }
    long ageDays = before.isEmpty() ? 0 : Duration.between(before.get(0).createdAt(), post.createdAt()).toDays();
    LocalDateTime local = LocalDateTime.ofInstant(post.createdAt(), ZoneOffset.UTC);
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("id", post.author());
    publisher.put("ageDays", ageDays);
    publisher.put("attributes", attributes);
    Map<String, Object> categorical = new LinkedHashMap<>();
    categorical.put("kind", kind(post.title()));
    categorical.put("hour", Integer.toString(local.getHour()));
    categorical.put("weekday", local.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT));
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("id", "hn-" + post.id());
    resource.put("title", post.title());
    resource.put("publisher", publisher);
    resource.put("publishedAt", post.createdAt().toString());
    resource.put("language", "en");
    if (!post.host().isEmpty()) {
      resource.put("source", post.host());
    }
    if (!numeric.isEmpty()) {
      resource.put("numericAttributes", numeric);
    }
    resource.put("categoricalAttributes", categorical);
    return json(resource);
  }

  static String engagementJson(Post post) {
    YearMonth month = YearMonth.from(post.createdAt().atOffset(ZoneOffset.UTC));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("resourceId", "hn-" + post.id());
    record.put("windowStart", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
    record.put("windowEnd", month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("points", post.points());
    metrics.put("comments", post.comments());
    record.put("metrics", metrics);
    return json(record);
  }

  static String json(Object value) {
    StringBuilder b = new StringBuilder();
    appendJson(b, value);
    return b.toString();
  }

  static void appendJson(StringBuilder b, Object value) {
    if (value instanceof Map<?, ?> map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        appendString(b, e.getKey().toString());
        b.append(':');
        appendJson(b, e.getValue());
      }
      b.append('}');
    } else if (value instanceof String s) {
      appendString(b, s);
    } else if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("not a finite number: " + d);
      }
      b.append(d);
    } else if (value instanceof Number n) {
      b.append(n);
    } else {
      throw new IllegalArgumentException("cannot write " + value);
    }
  }

  static void appendString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** RFC 4180 records: fields separated by commas, optionally quoted ("" is a quote inside quotes). */
  static final class CsvReader {
    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    CsvReader(Reader in) {
      this.in = in;
    }

    /** The line number the next record starts on. */
    int line() {
      return line;
    }

    private int read() throws IOException {
      if (pushedBack != -2) {
        int c = pushedBack;
        pushedBack = -2;
        return c;
      }
      return in.read();
    }

    /** Skips the rest of the line, then gives the error to report. */
    private IllegalArgumentException malformed(String message) throws IOException {
      int c;
      do {
        c = read();
      } while (c != '\n' && c != -1);
      line++;
      return new IllegalArgumentException(message);
    }

    /**
     * The next record's fields, or null at the end of the input.
     *
     * @throws IllegalArgumentException for a malformed record (the rest of its line is skipped)
     */
    List<String> next() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      pushedBack = c;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        c = read();
        if (quoted) {
          if (c == -1) {
            throw new IllegalArgumentException("a quoted field (field " + (fields.size() + 1) + ") is never closed");
          }
          if (c == '"') {
            int d = read();
            if (d == '"') {
              field.append('"');
            } else {
              quoted = false;
              pushedBack = d;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append((char) c);
          }
          continue;
        }
        if (c == '"' && field.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == '"') {
          throw malformed("a quote inside an unquoted field (field " + (fields.size() + 1) + ")");
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '\r') {
          int d = read();
          if (d != '\n') {
            pushedBack = d;
          }
          line++;
          fields.add(field.toString());
          return fields;
        } else if (c == '\n' || c == -1) {
          if (c == '\n') {
            line++;
          }
          fields.add(field.toString());
          return fields;
        } else if (wasQuoted) {
          throw malformed("text after a closing quote (field " + (fields.size() + 1) + ")");
        } else {
          field.append((char) c);
        }
      }
    }
  }

  private HnToJsonl() {}
}
