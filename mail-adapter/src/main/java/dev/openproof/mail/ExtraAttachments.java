package dev.openproof.mail;

import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.exchange.DeliveryException;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.port.ProofAttachments;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a host's {@link ProofAttachments} adds to a proof's mail beside the {@code .jwt}. A
 * source that fails, or that names the {@code .jwt} file itself, fails the delivery permanently.
 */
final class ExtraAttachments {
  private final ProofAttachments source;

  ExtraAttachments(ProofAttachments source) {
    this.source = source;
  }

  List<Attachment> of(DeliveryRequest request, String jwtFileName) {
    List<Attachment> files;
    try {
      files = List.copyOf(source.attachmentsFor(request));
    } catch (RuntimeException e) {
      throw new DeliveryException(FailureKind.PERMANENT,
          "the attachments of proof " + request.proof().proofId() + " could not be made: " + e.getMessage(), e);
    }
    for (Attachment file : files) {
      if (file.fileName().equalsIgnoreCase(jwtFileName)) {
        throw new DeliveryException(FailureKind.PERMANENT, "an extra attachment may not be named " + jwtFileName, null);
      }
    }
    return files;
  }

  static List<MimeBodyPart> parts(List<Attachment> files) throws MessagingException {
    List<MimeBodyPart> parts = new ArrayList<>(files.size());
    for (Attachment file : files) {
      parts.add(PreencodedAttachments.of(file.content(), file.mediaType(), file.fileName()));
    }
    return parts;
  }
}
