package dev.openproof.core.model;

import java.util.BitSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The rules of a family of Token Status Lists, kept in one place for every implementation: list
 * {@code n} (from 1) is at {@code <baseUri>/<n>}, each holds {@code capacity} entries, and a proof's
 * index is chosen at random among the free ones of the current list.
 *
 * @param baseUri the URI the lists' URIs start with, such as {@code https://licensing.example.com/status};
 *     not blank, not ending in {@code /}
 * @param capacity entries per list, 1 to {@link #MAX_CAPACITY}
 * @since 0.1.0
 */
public record StatusListLayout(String baseUri, int capacity) {
  /** The default capacity of a list: 2^17 entries. */
  public static final int DEFAULT_CAPACITY = 1 << 17;

  /** The largest capacity of one list: 2^24 entries. */
  public static final int MAX_CAPACITY = 1 << 24;

  /** How many random indexes are tried before the free ones are looked up. */
  private static final int RANDOM_TRIES = 16;

  /** Checks the base URI and the capacity. */
  public StatusListLayout {
    Objects.requireNonNull(baseUri, "baseUri");
    if (baseUri.isBlank() || baseUri.endsWith("/")) {
      throw new IllegalArgumentException("the base URI of status lists must not be blank or end with '/': " + baseUri);
    }
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("a status list holds 1 to " + MAX_CAPACITY + " entries, not " + capacity);
    }
  }

  /**
   * Lists of {@link #DEFAULT_CAPACITY} entries.
   *
   * @param baseUri the base URI
   * @return the layout
   */
  public static StatusListLayout of(String baseUri) {
    return new StatusListLayout(baseUri, DEFAULT_CAPACITY);
  }

  /**
   * The URI of list {@code number}.
   *
   * @param number the list's number, from 1
   * @return {@code <baseUri>/<number>}
   */
  public String uri(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("lists are numbered from 1, not " + number);
    }
    return baseUri + "/" + number;
  }

  /**
   * The number of a list of this layout, read back from its URI.
   *
   * @param uri a list's URI
   * @return its number, or empty if the URI is not one of this layout's lists
   */
  public OptionalInt number(String uri) {
    Objects.requireNonNull(uri, "uri");
    String prefix = baseUri + "/";
    if (!uri.startsWith(prefix) || uri.length() == prefix.length() || uri.length() - prefix.length() > 9) {
      return OptionalInt.empty();
    }
    String digits = uri.substring(prefix.length());
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.charAt(0) == '0') {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }

  /**
   * Whether a list with this many places given is full, so that the next proof starts a new list.
   *
   * @param allocated places given in the list
   * @return {@code true} when no place is left
   */
  public boolean full(int allocated) {
    return allocated >= capacity;
  }

  /**
   * Chooses a free index of a list that has one: a few random tries first, then the first free index
   * after a random start, wrapping around.
   *
   * @param <E> what looking up the list may throw
   * @param random the source of indexes
   * @param list the list's taken indexes
   * @return a free index, 0 to {@code capacity - 1}
   * @throws E if looking up the list fails
   * @throws IllegalStateException if the list is full
   */
  public <E extends Exception> int chooseFreeIndex(RandomGenerator random, TakenIndexes<E> list) throws E {
    for (int i = 0; i < RANDOM_TRIES; i++) {
      int candidate = random.nextInt(capacity);
      if (!list.isTaken(candidate)) {
        return candidate;
      }
    }
    BitSet all = list.all();
    int index = all.nextClearBit(random.nextInt(capacity));
    index = index < capacity ? index : all.nextClearBit(0);
    if (index >= capacity) {
      throw new IllegalStateException("the status list is full: " + capacity + " entries");
    }
    return index;
  }

  /**
   * The taken indexes of one list, as {@link #chooseFreeIndex} asks for them: one at a time, and all
   * at once only when random tries keep hitting taken ones.
   *
   * @param <E> what a lookup may throw
   */
  public interface TakenIndexes<E extends Exception> {
    /**
     * Whether one index is taken.
     *
     * @param index the index
     * @return {@code true} if a proof has it
     * @throws E if the lookup fails
     */
    boolean isTaken(int index) throws E;

    /**
     * Every taken index.
     *
     * @return the taken indexes as set bits
     * @throws E if the lookup fails
     */
    BitSet all() throws E;
  }
}
