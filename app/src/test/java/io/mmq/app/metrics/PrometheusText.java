package io.mmq.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scrape in the Prometheus text format (0.0.4), parsed: the samples and the declared types. A
 * line that does not parse fails the test.
 */
public record PrometheusText(List<Sample> samples, Map<String, String> types) {
  /** One sample line: metric name, labels, value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  /** GETs {@code http://127.0.0.1:port/metrics} and parses it; asserts a 200 in the text format. */
  public static PrometheusText scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    return parse(response.body());
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ");
        types.put(parts[0], parts[1]);
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      samples.add(sample(line));
    }
    return new PrometheusText(List.copyOf(samples), types);
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    int rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      int i = brace + 1;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String key = line.substring(i, eq);
        assertThat(line.charAt(eq + 1)).as(line).isEqualTo('"');
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        while (line.charAt(j) != '"') {
          char c = line.charAt(j);
          if (c == '\\') {
            j++;
            c = line.charAt(j) == 'n' ? '\n' : line.charAt(j);
          }
          value.append(c);
          j++;
        }
        labels.put(key, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      rest = i + 1;
    } else {
      name = line.substring(0, space);
      rest = space;
    }
    String[] valueAndTime = line.substring(rest).trim().split(" ");
    String value = valueAndTime[0];
    double parsed = switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(value);
    };
    assertThat(name).as(line).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
    return new Sample(name, Map.copyOf(labels), parsed);
  }

  /** The samples of {@code name} whose labels include {@code labels}. */
  public List<Sample> find(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** The value of the one sample of {@code name} with exactly these labels (besides none other). */
  public Optional<Double> value(String name, Map<String, String> labels) {
    List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).toList();
    assertThat(found.size()).as(name + labels).isLessThanOrEqualTo(1);
    return found.stream().findFirst().map(Sample::value);
  }

  /** The cumulative bucket counts of one histogram series, by upper bound, in order. */
  public Map<Double, Double> buckets(String histogram, Map<String, String> labels) {
    Map<Double, Double> buckets = new java.util.TreeMap<>();
    for (Sample sample : find(histogram + "_bucket", labels)) {
      String le = sample.labels().get("le");
      buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), sample.value());
    }
    return buckets;
  }
}
