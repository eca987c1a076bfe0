package io.mmq.tensorflow;

/**
 * The pairwise feature crosses of the atomic channel (R10): factorization-machine field
 * embeddings, a DCN-v2 cross network, or both.
 */
enum CrossMode {
  FM,
  DCN,
  BOTH;

  boolean fm() {
    return this != DCN;
  }

  boolean dcn() {
    return this != FM;
  }
}
