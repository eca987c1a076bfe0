package io.mmq.tensorflow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The trained values of the network's parameters by name, in graph order. Serialised as {@code
 * MMQW}, a version, and per tensor its name, shape and big-endian float32 values.
 */
final class Weights {
  private static final int MAGIC = 0x4d4d5157; // "MMQW"
  private static final int VERSION = 1;
  private static final int MAX_TENSORS = 100_000;

  private final Map<String, Entry> entries;

  Weights(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  Map<String, Entry> entries() {
    return entries;
  }

  Entry get(String name) {
    return entries.get(name);
  }

  long parameterCount() {
    return entries.values().stream().mapToLong(e -> e.values().length).sum();
  }

  byte[] toBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(entries.size());
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = e.getValue().shape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        float[] values = e.getValue().values();
        out.writeInt(values.length);
        for (float v : values) {
          out.writeFloat(v);
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads serialised weights.
   *
   * @throws IllegalArgumentException when the bytes are not weights of a known version
   */
  static Weights fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("weights: not an mmq weights file");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("weights: unsupported version " + version);
      }
      int count = in.readInt();
      if (count < 0 || count > MAX_TENSORS) {
        throw new IllegalArgumentException("weights: bad tensor count " + count);
      }
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
          throw new IllegalArgumentException("weights: bad rank " + rank + " of " + name);
        }
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
          shape[d] = in.readLong();
        }
        int n = in.readInt();
        if (n < 0 || n > bytes.length / 4) {
          throw new IllegalArgumentException("weights: bad size " + n + " of " + name);
        }
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
          values[k] = in.readFloat();
        }
        entries.put(name, new Entry(shape, values));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("weights: trailing bytes");
      }
      return new Weights(entries);
    } catch (IOException e) {
      throw new IllegalArgumentException("weights: truncated (" + e.getMessage() + ")", e);
    }
  }

  /** One parameter tensor: its shape and values, row-major. */
  record Entry(long[] shape, float[] values) {
    Entry {
      Objects.requireNonNull(shape, "shape is null");
      Objects.requireNonNull(values, "values is null");
      long n = 1;
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
        }
        n *= d;
      }
      if (n != values.length) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry other
          && Arrays.equals(shape, other.shape)
          && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Entry" + Arrays.toString(shape);
    }
  }
}
