package io.mmq.tensorflow;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * The hashed vocabulary: a token's bucket is MurmurHash3 (x86, 32 bit, fixed seed) of its UTF-8
 * bytes, folded into {@code [1, buckets)}. Bucket 0 is padding, so an id of 0 means "no token"
 * everywhere in the model. Deterministic across JVMs and platforms; stored by name in artifacts.
 */
final class TokenHasher {
  static final String NAME = "murmur3_32_fixed";
  static final int SEED = 0x6d6d71;
  static final TokenHasher STANDARD = new TokenHasher();

  private final HashFunction function = Hashing.murmur3_32_fixed(SEED);

  private TokenHasher() {}

  /** The bucket of {@code token} among {@code buckets} (bucket 0 is never returned). */
  int bucket(String token, int buckets) {
    if (buckets < 2) {
      throw new IllegalArgumentException("buckets must be at least 2, was " + buckets);
    }
    int hash = function.hashString(token, StandardCharsets.UTF_8).asInt();
    return 1 + Math.floorMod(hash, buckets - 1);
  }

  /** The bucket of a categorical attribute's value; the key salts it so fields do not collide. */
  int categoryBucket(String key, String value, int buckets) {
    return bucket(key + "\u0000" + value, buckets);
  }
}
