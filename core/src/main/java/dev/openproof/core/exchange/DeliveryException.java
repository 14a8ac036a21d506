package dev.openproof.core.exchange;

import dev.openproof.core.OpenProofException;
import java.util.Objects;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A proof could not be delivered. The {@linkplain #kind() kind} tells whether it is retried; the
 * reason code is {@code DELIVERY_TRANSIENT}, {@code DELIVERY_PERMANENT} or {@code DELIVERY_UNKNOWN}.
 *
 * @since 0.1.0
 */
public class DeliveryException extends OpenProofException {
  private static final long serialVersionUID = 1L;

  private final FailureKind kind;
  private final int replyCode;

  /**
   * Creates the exception.
   *
   * @param kind how the failure may be treated
   * @param replyCode the transport's reply code (an SMTP reply such as 451), or {@code 0} when none
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  public DeliveryException(FailureKind kind, int replyCode, String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(kind, "kind"), message, cause);
    this.kind = kind;
    this.replyCode = replyCode;
  }

  /**
   * Creates the exception with no reply code.
   *
   * @param kind how the failure may be treated
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  public DeliveryException(FailureKind kind, String message, @Nullable Throwable cause) {
    this(kind, 0, message, cause);
  }

  /**
   * How the failure may be treated.
   *
   * @return the kind
   */
  public FailureKind kind() {
    return kind;
  }

  /**
   * The transport's reply code.
   *
   * @return the reply code, or empty when the transport gave none
   */
  public OptionalInt replyCode() {
    return replyCode > 0 ? OptionalInt.of(replyCode) : OptionalInt.empty();
  }
}
