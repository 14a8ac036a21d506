package dev.openproof.core.port;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.model.StatusReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The issuer's Token Status Lists: where each proof's status is kept, so that a partner verifying
 * offline learns of a revocation from the published list.
 *
 * <p>The lists follow a {@link StatusListLayout}: list {@code n} is at {@code <base>/<n>} and has a
 * fixed capacity. A proof gets an index chosen at random among the free ones of
 * the current list, never reused; when the list is full a new one, with a new URI, is started. A
 * status {@link ProofStatus#INVALID} is final. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
public interface StatusLists {
  /** The default capacity of a list: 2^17 entries ({@link StatusListLayout#DEFAULT_CAPACITY}). */
  int DEFAULT_CAPACITY = StatusListLayout.DEFAULT_CAPACITY;

  /**
   * Whether these lists give proofs a place. Only {@link dev.openproof.core.memory.NoStatusLists},
   * the default of a workflow without status lists, says {@code false}: it publishes nothing, and a
   * workflow then issues proofs without a status reference.
   *
   * @return {@code true} unless these lists publish nothing
   */
  default boolean publishes() {
    return true;
  }

  /**
   * Gives a proof its place in the current list, with status {@link ProofStatus#VALID}. A proof that
   * has a place keeps it.
   *
   * @param proofId the proof
   * @return where its status is published
   */
  StatusReference allocate(ProofId proofId);

  /**
   * Gives each of several proofs its place, as {@link #allocate} does one at a time: a proof that has a
   * place keeps it, and one named twice gets one place. Implementations may do it in one step (one
   * transaction of a database); this default allocates one proof after the other.
   *
   * @param proofIds the proofs
   * @return where each one's status is published, one reference per id in the order given
   * @throws NullPointerException if the list or an id is {@code null}
   * @since 0.2.0
   */
  default List<StatusReference> allocateAll(List<ProofId> proofIds) {
    List<ProofId> ids = List.copyOf(proofIds);
    List<StatusReference> refs = new ArrayList<>(ids.size());
    for (ProofId id : ids) {
      refs.add(allocate(id));
    }
    return refs;
  }

  /**
   * Where a proof's status is published.
   *
   * @param proofId the proof
   * @return the reference, or empty if the proof has no place
   */
  Optional<StatusReference> find(ProofId proofId);

  /**
   * A proof's status.
   *
   * @param proofId the proof
   * @return the status, or empty if the proof has no place
   */
  Optional<ProofStatus> status(ProofId proofId);

  /**
   * Sets a proof's status; an {@link ProofStatus#INVALID} proof stays so.
   *
   * @param proofId the proof
   * @param status the new status
   * @return the status in effect afterwards
   * @throws IllegalStateException if the proof has no place
   */
  ProofStatus setStatus(ProofId proofId, ProofStatus status);

  /**
   * The URIs of every list started, oldest first.
   *
   * @return the URIs
   */
  List<String> lists();

  /**
   * The statuses of one list, for publishing: one {@link ProofStatus#code()} per index, as many as
   * the list's capacity; free indexes are 0.
   *
   * @param listUri the list
   * @return the values
   * @throws IllegalArgumentException if no such list was started
   */
  byte[] statuses(String listUri);
}
