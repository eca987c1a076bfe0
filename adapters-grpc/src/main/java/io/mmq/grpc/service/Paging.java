package io.mmq.grpc.service;

import io.mmq.grpc.mapping.InvalidFieldException;
import java.util.List;

/**
 * One page of a list RPC: {@code pageSize} 0 means the default, larger sizes are clamped to the
 * maximum, and the page token is the decimal offset of the page's first item (opaque to clients;
 * anything else gives INVALID_ARGUMENT at {@code pageToken}).
 */
record Paging(int offset, int size) {
  static final int DEFAULT_SIZE = 100;
  static final int MAX_SIZE = 1000;

  static Paging of(int pageSize, String pageToken) {
    if (pageSize < 0) {
      throw new InvalidFieldException("pageSize", "must not be negative, was " + pageSize);
    }
    int size = pageSize == 0 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
    return new Paging(offset(pageToken), size);
  }

  private static int offset(String token) {
    if (token.isEmpty()) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(token);
      if (offset >= 0 && Integer.toString(offset).equals(token)) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidFieldException("pageToken", "is not a token this server issued");
  }

  /** The items of this page. */
  <T> List<T> slice(List<T> all) {
    int from = Math.min(offset, all.size());
    int to = (int) Math.min((long) from + size, all.size());
    return all.subList(from, to);
  }

  /** The token of the next page, or "" when this page reaches the end. */
  String nextToken(int total) {
    long next = (long) offset + size;
    return next < total ? Long.toString(next) : "";
  }
}
