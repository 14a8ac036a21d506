package dev.openproof.core.port;

import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.FailureKind;

/**
 * Sends customers short notices about their licenses after the sale: that a returned order's proof
 * is no longer valid, that a term is about to end. The {@code mail-adapter} module sends them over
 * SMTP in the customer's language.
 *
 * <p>Implementations must be thread-safe, and must give a repeated notice (same
 * {@link CustomerNotice#noticeId()}) the same message identity.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface CustomerNotices {
  /**
   * Sends one notice.
   *
   * @param notice the notice
   * @return the message's identity, such as its Message-ID
   * @throws DeliveryException if it was not sent, with its {@link FailureKind}
   */
  String send(CustomerNotice notice);
}
