package dev.openproof.mail;

import dev.openproof.core.model.DeliveryId;
import java.nio.charset.StandardCharsets;

/**
 * Derives Message-IDs from identifiers, the same on every call: {@code <id-left@domain>}, where
 * {@code id-left} keeps ASCII letters, digits, {@code -} and {@code _} and writes every other byte of
 * the UTF-8 form as {@code =XX}. The mapping is one-to-one, so two deliveries never share an id, and a
 * retry of one delivery always gets its own id back.
 */
final class MessageIds {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private MessageIds() {}

  /** The Message-ID of a delivery of a proof. */
  static String ofDelivery(DeliveryId deliveryId, String domain) {
    return "<" + encode(deliveryId.value()) + "@" + domain + ">";
  }

  /** The Message-ID of a distributor's notice; never equal to that of a delivery. */
  static String ofNotice(String noticeId, String domain) {
    return "<notice." + encode(noticeId) + "@" + domain + ">";
  }

  static String encode(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean keep = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
      if (keep) {
        out.append((char) c);
      } else {
        out.append('=').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
