package dev.openproof.core.memory;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.port.StatusLists;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@link StatusLists} in memory, laid out by a {@link StatusListLayout}: the lists are named {@code
 * <base>/1}, {@code <base>/2} … Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryStatusLists implements StatusLists {
  private final StatusListLayout layout;
  private final RandomGenerator random;
  private final Map<String, byte[]> lists = new LinkedHashMap<>();
  private final Map<ProofId, StatusReference> places = new HashMap<>();
  private BitSet used = new BitSet();
  private int allocated;
  private String current;

  private InMemoryStatusLists(StatusListLayout layout, RandomGenerator random) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.random = Objects.requireNonNull(random, "random");
    this.current = startList();
  }

  /**
   * Lists of {@link StatusListLayout#DEFAULT_CAPACITY} entries with indexes from a {@link SecureRandom}.
   *
   * @param baseUri the URI the lists' URIs start with, such as {@code https://licensing.example.com/status}
   * @return the lists
   */
  public static InMemoryStatusLists create(String baseUri) {
    return create(baseUri, DEFAULT_CAPACITY, new SecureRandom());
  }

  /**
   * Lists of a given capacity with indexes from a given random source.
   *
   * @param baseUri the URI the lists' URIs start with
   * @param capacity entries per list, 1 to 2^24
   * @param random the source of indexes
   * @return the lists
   */
  public static InMemoryStatusLists create(String baseUri, int capacity, RandomGenerator random) {
    return create(new StatusListLayout(baseUri, capacity), random);
  }

  /**
   * Lists of a given layout with indexes from a given random source.
   *
   * @param layout the lists' base URI and capacity
   * @param random the source of indexes
   * @return the lists
   */
  public static InMemoryStatusLists create(StatusListLayout layout, RandomGenerator random) {
    return new InMemoryStatusLists(layout, random);
  }

  /**
   * The layout of these lists.
   *
   * @return the base URI and capacity
   */
  public StatusListLayout layout() {
    return layout;
  }

  @Override
  public synchronized StatusReference allocate(ProofId proofId) {
    Objects.requireNonNull(proofId, "proofId");
    StatusReference known = places.get(proofId);
    if (known != null) {
      return known;
    }
    if (layout.full(allocated)) {
      current = startList();
    }
    BitSet taken = used;
    int index = layout.chooseFreeIndex(random, new StatusListLayout.TakenIndexes<RuntimeException>() {
      @Override
      public boolean isTaken(int i) {
        return taken.get(i);
      }

      @Override
      public BitSet all() {
        return taken;
      }
    });
    used.set(index);
    allocated++;
    StatusReference reference = new StatusReference(index, current);
    places.put(proofId, reference);
    return reference;
  }

  /** Allocates the proofs one after the other, holding this object's lock throughout. */
  @Override
  public synchronized List<StatusReference> allocateAll(List<ProofId> proofIds) {
    return StatusLists.super.allocateAll(proofIds);
  }

  @Override
  public synchronized Optional<StatusReference> find(ProofId proofId) {
    return Optional.ofNullable(places.get(proofId));
  }

  @Override
  public synchronized Optional<ProofStatus> status(ProofId proofId) {
    return find(proofId).map(ref -> ProofStatus.ofCode(list(ref)[(int) ref.index()]));
  }

  @Override
  public synchronized ProofStatus setStatus(ProofId proofId, ProofStatus status) {
    Objects.requireNonNull(status, "status");
    StatusReference ref = find(proofId).orElseThrow(() ->
        new IllegalStateException("proof " + proofId + " has no place in a status list"));
    byte[] values = list(ref);
    if (values[(int) ref.index()] != ProofStatus.INVALID.code()) {
      values[(int) ref.index()] = (byte) status.code();
    }
    return ProofStatus.ofCode(values[(int) ref.index()]);
  }

  @Override
  public synchronized List<String> lists() {
    return List.copyOf(new ArrayList<>(lists.keySet()));
  }

  @Override
  public synchronized byte[] statuses(String listUri) {
    byte[] values = lists.get(listUri);
    if (values == null) {
      throw new IllegalArgumentException("no status list " + listUri);
    }
    return values.clone();
  }

  /** The list a reference this object gave out points into: it always exists. */
  private byte[] list(StatusReference ref) {
    return Objects.requireNonNull(lists.get(ref.uri()), "a list with a reference in it exists");
  }

  private String startList() {
    String uri = layout.uri(lists.size() + 1);
    lists.put(uri, new byte[layout.capacity()]);
    used = new BitSet(layout.capacity());
    allocated = 0;
    return uri;
  }

  @Override
  public String toString() {
    return "InMemoryStatusLists[" + layout.baseUri() + ", capacity=" + layout.capacity() + "]";
  }
}
