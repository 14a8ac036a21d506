package dev.openproof.core.memory;

import java.util.BitSet;
import java.util.Objects;

/** Checks and index choice shared by the status lists kept in memory. */
final class StatusListNames {
  /** The largest capacity of one list. */
  static final int MAX_CAPACITY = 1 << 24;

  private StatusListNames() {}

  static String requireBase(String baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    if (baseUri.isBlank() || baseUri.endsWith("/")) {
      throw new IllegalArgumentException("the base URI of status lists must not be blank or end with '/': " + baseUri);
    }
    return baseUri;
  }

  static int requireCapacity(int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("a status list holds 1 to " + MAX_CAPACITY + " entries, not " + capacity);
    }
    return capacity;
  }

  /** The first free index at or after {@code start}, wrapping around; the list has a free one. */
  static int freeIndex(BitSet used, int capacity, int start) {
    int index = used.nextClearBit(start);
    return index < capacity ? index : used.nextClearBit(0);
  }
}
