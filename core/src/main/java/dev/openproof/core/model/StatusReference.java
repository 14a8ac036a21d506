package dev.openproof.core.model;

/**
 * Where a proof's revocation status is published: an index into a Token Status List.
 *
 * @param index the proof's index in the list, not negative
 * @param uri the list's URI
 * @since 0.1.0
 */
public record StatusReference(long index, String uri) {
  /** Checks that the index is not negative and the URI present. */
  public StatusReference {
    Texts.requireText(uri, "uri");
    if (index < 0) {
      throw new IllegalArgumentException("status index must not be negative: " + index);
    }
  }
}
