package io.mmq.app.baseline;

import io.mmq.core.attribute.model.ResourceAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The baseline's sparse input: the attributes that the core's {@code AttributeExtractor} gives,
 * hashed into {@code 2^bits} weights. Binary features for each title token, each pair of adjacent
 * title tokens, each tag token and each body token, and each categorical attribute's {@code
 * key=value}; one real-valued feature per atomic attribute, standardised by the mean and standard
 * deviation fitted on the training examples and clipped to [-{@value #CLIP}, {@value #CLIP}] (a
 * missing value is 0, the training mean, as in the deep model); and a bias. The same name always
 * lands in the same bucket ({@link String#hashCode} mixed by SplitMix64), on every JVM.
 */
public final class HashedFeatures {
  static final double CLIP = 5.0;
  static final int BIAS = 0;

  private final int bits;
  private final Map<String, double[]> atomicScales;

  private HashedFeatures(int bits, Map<String, double[]> atomicScales) {
    this.bits = bits;
    this.atomicScales = Map.copyOf(atomicScales);
  }

  /** Fits the atomic scales on the training examples' attributes. */
  public static HashedFeatures fit(List<ResourceAttributes> training, int bits) {
    Objects.requireNonNull(training, "training is null");
    if (bits < 4 || bits > 26) {
      throw new IllegalArgumentException("bits must be in [4, 26], was " + bits);
    }
    Map<String, double[]> moments = new TreeMap<>(); // count, mean, m2 (Welford)
    for (ResourceAttributes attributes : training) {
      attributes.atomic().forEach((name, value) -> {
        double[] m = moments.computeIfAbsent(name, k -> new double[3]);
        m[0]++;
        double delta = value - m[1];
        m[1] += delta / m[0];
        m[2] += delta * (value - m[1]);
      });
    }
    Map<String, double[]> scales = new HashMap<>();
    moments.forEach((name, m) -> {
      double std = m[0] > 1 ? Math.sqrt(m[2] / m[0]) : 0;
      scales.put(name, new double[] {m[1], std > 1e-12 ? std : 1.0});
    });
    return new HashedFeatures(bits, scales);
  }

  /** The number of weights. */
  public int dimension() {
    return 1 << bits;
  }

  /** The atomic attributes that have a scale (those seen in training). */
  public int atomicAttributes() {
    return atomicScales.size();
  }

  /** The sparse vector of one resource's attributes (indices distinct, values summed on collision). */
  public SparseVector encode(ResourceAttributes attributes) {
    Map<Integer, Double> values = new HashMap<>();
    values.put(BIAS, 1.0);
    List<String> title = attributes.text().title();
    for (int i = 0; i < title.size(); i++) {
      add(values, "title:" + title.get(i), 1.0);
      if (i > 0) {
        add(values, "title2:" + title.get(i - 1) + ' ' + title.get(i), 1.0);
      }
    }
    attributes.text().tags().forEach(token -> add(values, "tag:" + token, 1.0));
    attributes.text().bodyTokens().forEach(token -> add(values, "body:" + token, 1.0));
    attributes.categorical().forEach((key, value) -> add(values, "cat:" + key + '=' + value, 1.0));
    attributes.atomic().forEach((name, value) -> {
      double[] scale = atomicScales.get(name);
      if (scale != null) {
        double z = (value - scale[0]) / scale[1];
        add(values, "atomic:" + name, Math.max(-CLIP, Math.min(CLIP, z)));
      }
    });
    int[] index = values.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    float[] value = new float[index.length];
    for (int i = 0; i < index.length; i++) {
      value[i] = values.get(index[i]).floatValue();
    }
    return new SparseVector(index, value);
  }

  private void add(Map<Integer, Double> values, String name, double value) {
    values.merge(bucket(name), value, Double::sum);
  }

  /** The bucket of a feature name, in [1, 2^bits) (0 is the bias). */
  int bucket(String name) {
    long z = name.hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return 1 + (int) Math.floorMod(z, (long) dimension() - 1);
  }

  /** Indices in increasing order with their values. */
  public record SparseVector(int[] index, float[] value) {
    public SparseVector {
      Objects.requireNonNull(index, "index is null");
      Objects.requireNonNull(value, "value is null");
      if (index.length != value.length) {
        throw new IllegalArgumentException(index.length + " indices but " + value.length + " values");
      }
    }

    double dot(double[] weights) {
      double sum = 0;
      for (int i = 0; i < index.length; i++) {
        sum += weights[index[i]] * value[i];
      }
      return sum;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SparseVector v && Arrays.equals(index, v.index) && Arrays.equals(value, v.value);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(index) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "SparseVector" + Arrays.toString(index) + Arrays.toString(value);
    }
  }
}
