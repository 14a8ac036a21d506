package dev.openproof.mail;

import dev.openproof.core.exchange.DeliveryException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What came of one notice in a batch: its Message-ID when the server accepted it, else the failure.
 *
 * @param notice the notice
 * @param messageId the Message-ID it was sent with, or {@code null} when it failed
 * @param failure why it was not sent, or {@code null} when it was
 * @since 0.1.0
 */
public record NoticeOutcome(DistributorNotice notice, @Nullable String messageId, @Nullable DeliveryException failure) {
  /** Checks that exactly one of Message-ID and failure is present. */
  public NoticeOutcome {
    Objects.requireNonNull(notice, "notice");
    if ((messageId == null) == (failure == null)) {
      throw new IllegalArgumentException("an outcome has either a Message-ID or a failure");
    }
  }

  /**
   * Whether the server accepted the notice.
   *
   * @return {@code true} when it was sent
   */
  public boolean sent() {
    return failure == null;
  }

  /**
   * Why the notice was not sent.
   *
   * @return the failure, or empty when it was sent
   */
  public Optional<DeliveryException> failed() {
    return Optional.ofNullable(failure);
  }
}
