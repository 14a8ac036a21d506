package dev.openproof.core.memory;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.port.StatusLists;
import java.util.List;
import java.util.Optional;

/**
 * Status lists that publish nothing: the default of a workflow built without status lists. Proofs
 * get no place ({@link #publishes()} is {@code false}), so they carry no status reference; a status
 * change of a proof that does carry one (issued by a workflow that had lists) fails rather than
 * being lost.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class NoStatusLists implements StatusLists {
  private static final NoStatusLists INSTANCE = new NoStatusLists();

  private NoStatusLists() {}

  /**
   * The status lists that publish nothing.
   *
   * @return the shared instance
   */
  public static NoStatusLists create() {
    return INSTANCE;
  }

  @Override
  public boolean publishes() {
    return false;
  }

  /**
   * Never gives a place.
   *
   * @throws IllegalStateException always: these lists publish nothing
   */
  @Override
  public StatusReference allocate(ProofId proofId) {
    throw new IllegalStateException("no status lists are configured: proof " + proofId + " gets no place");
  }

  @Override
  public Optional<StatusReference> find(ProofId proofId) {
    return Optional.empty();
  }

  @Override
  public Optional<ProofStatus> status(ProofId proofId) {
    return Optional.empty();
  }

  /**
   * Never changes a status.
   *
   * @throws IllegalStateException always: these lists publish nothing
   */
  @Override
  public ProofStatus setStatus(ProofId proofId, ProofStatus status) {
    throw new IllegalStateException(
        "this workflow publishes no status lists (build it with statusLists(...)): the status of proof " + proofId
            + " cannot be set to " + status);
  }

  @Override
  public List<String> lists() {
    return List.of();
  }

  /**
   * There is no list.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public byte[] statuses(String listUri) {
    throw new IllegalArgumentException("no status list " + listUri + ": no status lists are configured");
  }

  @Override
  public String toString() {
    return "NoStatusLists";
  }
}
