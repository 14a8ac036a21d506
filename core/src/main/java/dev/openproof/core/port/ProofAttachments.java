package dev.openproof.core.port;

import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryRequest;
import java.util.List;

/**
 * Turns a proof on its way to the customer into extra files for its mail, beside the signed
 * {@code .jwt}: the printable certificate, for one. The host wires it into a delivery adapter, so
 * the adapter needs no knowledge of how the files are made.
 *
 * <p>Implementations must be thread-safe and deterministic: a retried delivery must carry the same
 * files. A failure is a {@link RuntimeException}; a delivery adapter reports it as a permanent
 * delivery failure.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProofAttachments {
  /**
   * The files of one delivery.
   *
   * @param request the delivery: its proof, signed proof and recipient (whose language the files
   *     may be written in)
   * @return the files, possibly none, in the order they go in the mail
   */
  List<Attachment> attachmentsFor(DeliveryRequest request);

  /**
   * No extra files: the mail carries the {@code .jwt} alone.
   *
   * @return the empty source
   */
  static ProofAttachments none() {
    return request -> List.of();
  }
}
