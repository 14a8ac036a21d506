package dev.openproof.mail;

import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.port.CustomerNotices;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryOutcome;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.port.ProofAttachments;
import dev.openproof.core.port.ProofDelivery;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Delivers signed proofs to the customer over SMTP, in the customer's language: a
 * {@code multipart/mixed} message with a plain-text and an HTML body and the proof attached as
 * {@code license-proof-<license number>.jwt} ({@code application/jwt}).
 *
 * <p>The Message-ID derives from the delivery id, so a retry carries the same Message-ID; a resend
 * has its own and points to the first with {@code In-Reply-To} and {@code References}.
 * {@link #deliverAll(List)} sends a batch over one connection, reopening it when it breaks.
 *
 * <p>Failures are {@link DeliveryException}s with the SMTP reply code where there is one: a 4xx
 * reply, a refused connection or a timeout before the end of the data is {@link FailureKind#TRANSIENT};
 * a 5xx reply or an invalid address is {@link FailureKind#PERMANENT}; no reply after the end of the
 * data is {@link FailureKind#UNKNOWN}.
 *
 * <p>Thread-safe: each call uses its own connection.
 *
 * @since 0.1.0
 */
public final class SmtpProofDelivery implements ProofDelivery, CustomerNotices {
  private static final System.Logger LOG = System.getLogger(SmtpProofDelivery.class.getName());

  private final SmtpSettings settings;
  private final Session session;
  private final MailComposer composer;
  private final StreamProviderLookup lookup = StreamProviderLookup.forAdapter();

  private SmtpProofDelivery(SmtpSettings settings, ProofAttachments attachments) {
    this.settings = settings;
    this.session = SmtpSessions.create(settings);
    this.composer = new MailComposer(session, settings, new ExtraAttachments(attachments));
  }

  /**
   * A delivery that uses the given settings.
   *
   * @param settings server, sender and texts
   * @return the delivery
   */
  public static SmtpProofDelivery create(SmtpSettings settings) {
    return create(settings, ProofAttachments.none());
  }

  /**
   * A delivery whose proof mails also carry the files of {@code attachments} after the
   * {@code .jwt}, such as the printable certificate. A source that fails makes the delivery fail
   * {@link FailureKind#PERMANENT}.
   *
   * @param settings server, sender and texts
   * @param attachments the source of the extra files
   * @return the delivery
   */
  public static SmtpProofDelivery create(SmtpSettings settings, ProofAttachments attachments) {
    return new SmtpProofDelivery(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(attachments, "attachments"));
  }

  /**
   * Delivers one proof over a connection of its own.
   *
   * @param request the delivery
   * @return the receipt, with the Message-ID
   * @throws DeliveryException if the server did not accept it, classified
   */
  @Override
  public DeliveryReceipt deliver(DeliveryRequest request) {
    Objects.requireNonNull(request, "request");
    return lookup.run(() -> {
      Outgoing outgoing = composer.proof(request);
      try (SmtpConnection connection = new SmtpConnection(session, settings)) {
        connection.send(outgoing);
      }
      return receipt(request, outgoing);
    });
  }

  /**
   * Delivers proofs over one connection, reopened when it breaks; a failure of one does not stop
   * the others.
   *
   * @param requests the deliveries
   * @return one outcome per request, in the same order
   */
  @Override
  public List<DeliveryOutcome> deliverAll(List<DeliveryRequest> requests) {
    return batch(requests, composer::proof, (request, outgoing) -> new DeliveryOutcome.Delivered(request, receipt(request, outgoing)),
        DeliveryOutcome.Failed::new);
  }

  /**
   * Sends a distributor's notice that proofs now arrive digitally.
   *
   * @param notice the notice
   * @return the Message-ID it was sent with
   * @throws DeliveryException if the server did not accept it, classified as for proofs
   */
  public String sendNotice(DistributorNotice notice) {
    Objects.requireNonNull(notice, "notice");
    return lookup.run(() -> {
      Outgoing outgoing = composer.notice(notice);
      try (SmtpConnection connection = new SmtpConnection(session, settings)) {
        connection.send(outgoing);
      }
      return outgoing.messageId();
    });
  }

  /**
   * Sends a customer's notice after the sale (a returned order, a term that ends soon) in the
   * recipient's language, as a {@code multipart/alternative} message. A repeat of a notice (same id)
   * carries the same Message-ID.
   *
   * @param notice the notice
   * @return the Message-ID it was sent with
   * @throws DeliveryException if the server did not accept it, classified as for proofs
   * @since 0.2.0
   */
  @Override
  public String send(CustomerNotice notice) {
    Objects.requireNonNull(notice, "notice");
    return lookup.run(() -> {
      Outgoing outgoing = composer.customerNotice(notice);
      try (SmtpConnection connection = new SmtpConnection(session, settings)) {
        connection.send(outgoing);
      }
      return outgoing.messageId();
    });
  }

  /**
   * Writes the message of a customer's notice as it would be sent (RFC 5322), without sending it.
   *
   * @param notice the notice
   * @param out where to write; not closed
   * @throws DeliveryException PERMANENT if the address is invalid or the message cannot be composed
   * @throws UncheckedIOException if writing fails
   * @since 0.2.0
   */
  public void writeMessage(CustomerNotice notice, OutputStream out) {
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(out, "out");
    lookup.run(() -> {
      try {
        composer.customerNotice(notice).message().writeTo(out);
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (MessagingException e) {
        throw Failures.notComposed(e);
      }
    });
  }

  /**
   * Sends notices over one connection, reopened when it breaks; a failure of one does not stop the
   * others.
   *
   * @param notices the notices
   * @return one outcome per notice, in the same order
   */
  public List<NoticeOutcome> sendNotices(List<DistributorNotice> notices) {
    return batch(notices, composer::notice, (notice, outgoing) -> new NoticeOutcome(notice, outgoing.messageId(), null),
        (notice, failure) -> new NoticeOutcome(notice, null, failure));
  }

  /**
   * Writes the message of a delivery as it would be sent (RFC 5322, as in an {@code .eml} file),
   * without sending it.
   *
   * @param request the delivery
   * @param out where to write; not closed
   * @throws DeliveryException PERMANENT if the address is invalid or the message cannot be composed
   * @throws UncheckedIOException if writing fails
   */
  public void writeMessage(DeliveryRequest request, OutputStream out) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(out, "out");
    lookup.run(() -> {
      try {
        composer.proof(request).message().writeTo(out);
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (MessagingException e) {
        throw Failures.notComposed(e);
      }
    });
  }

  /**
   * The settings this delivery uses.
   *
   * @return the settings
   */
  public SmtpSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "SmtpProofDelivery[" + settings + "]";
  }

  private <T, R> List<R> batch(List<T> items, Function<T, Outgoing> compose, Success<T, R> success, Failure<T, R> failure) {
    List<T> copy = List.copyOf(items);
    return lookup.run(() -> sendAll(copy, compose, success, failure));
  }

  private <T, R> List<R> sendAll(List<T> copy, Function<T, Outgoing> compose, Success<T, R> success, Failure<T, R> failure) {
    List<R> outcomes = new ArrayList<>(copy.size());
    try (SmtpConnection connection = new SmtpConnection(session, settings)) {
      for (T item : copy) {
        try {
          Outgoing outgoing = compose.apply(item);
          connection.send(outgoing);
          outcomes.add(success.of(item, outgoing));
        } catch (DeliveryException e) {
          outcomes.add(failure.of(item, e));
        }
      }
      LOG.log(System.Logger.Level.DEBUG, "sent a batch of {0} over {1} connection(s)", copy.size(), connection.connectionsOpened());
    }
    return outcomes;
  }

  private DeliveryReceipt receipt(DeliveryRequest request, Outgoing outgoing) {
    return new DeliveryReceipt(request.deliveryId(), request.proof().proofId(), outgoing.recipient().getAddress(),
        outgoing.messageId(), settings.clock().instant());
  }

  @FunctionalInterface
  private interface Success<T, R> {
    R of(T item, Outgoing outgoing);
  }

  @FunctionalInterface
  private interface Failure<T, R> {
    R of(T item, DeliveryException failure);
  }
}
