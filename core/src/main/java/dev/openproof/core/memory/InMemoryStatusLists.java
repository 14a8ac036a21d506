package dev.openproof.core.memory;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
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
 * {@link StatusLists} in memory; the lists are named {@code <base>/1}, {@code <base>/2} … Thread-safe.
 *
 * @since 0.1.0
 */
public final class InMemoryStatusLists implements StatusLists {
  private final String baseUri;
  private final int capacity;
  private final RandomGenerator random;
  private final Map<String, byte[]> lists = new LinkedHashMap<>();
  private final Map<ProofId, StatusReference> places = new HashMap<>();
  private BitSet used = new BitSet();
  private int allocated;
  private String current;

  private InMemoryStatusLists(String baseUri, int capacity, RandomGenerator random) {
    this.baseUri = StatusListNames.requireBase(baseUri);
    this.capacity = StatusListNames.requireCapacity(capacity);
    this.random = Objects.requireNonNull(random, "random");
    this.current = startList();
  }

  /**
   * Lists of {@link #DEFAULT_CAPACITY} entries with indexes from a {@link SecureRandom}.
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
    return new InMemoryStatusLists(baseUri, capacity, random);
  }

  @Override
  public synchronized StatusReference allocate(ProofId proofId) {
    Objects.requireNonNull(proofId, "proofId");
    StatusReference known = places.get(proofId);
    if (known != null) {
      return known;
    }
    if (allocated == capacity) {
      current = startList();
    }
    int index = StatusListNames.freeIndex(used, capacity, random.nextInt(capacity));
    used.set(index);
    allocated++;
    StatusReference reference = new StatusReference(index, current);
    places.put(proofId, reference);
    return reference;
  }

  @Override
  public synchronized Optional<StatusReference> find(ProofId proofId) {
    return Optional.ofNullable(places.get(proofId));
  }

  @Override
  public synchronized Optional<ProofStatus> status(ProofId proofId) {
    return find(proofId).map(ref -> ProofStatus.ofCode(lists.get(ref.uri())[(int) ref.index()]));
  }

  @Override
  public synchronized ProofStatus setStatus(ProofId proofId, ProofStatus status) {
    Objects.requireNonNull(status, "status");
    StatusReference ref = find(proofId).orElseThrow(() ->
        new IllegalStateException("proof " + proofId + " has no place in a status list"));
    byte[] values = lists.get(ref.uri());
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

  private String startList() {
    String uri = baseUri + "/" + (lists.size() + 1);
    lists.put(uri, new byte[capacity]);
    used = new BitSet(capacity);
    allocated = 0;
    return uri;
  }

  @Override
  public String toString() {
    return "InMemoryStatusLists[" + baseUri + ", capacity=" + capacity + "]";
  }
}
