package dev.openproof.core.fulfillment;

import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Party;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The digest of an order's canonical content, one SHA-256 (first 128 bits) per top-level member,
 * so that two orders with one id can be told apart and what differs named: {@code
 * v1;program=…;placed_at=…;…}. Canonical: instants in UTC, amounts without trailing zeros, every
 * text length-prefixed.
 */
final class OrderDigest {
  private static final String VERSION = "v1";

  private OrderDigest() {}

  static String of(Order order) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("program", order.program().name());
    parts.put("placed_at", order.placedAt().toString());
    parts.put("currency", order.currency().getCurrencyCode());
    parts.put("authorization_number", order.existingAuthorization().map(a -> a.value()).orElse(""));
    parts.put("distributor", party(order.distributor()));
    parts.put("reseller", party(order.reseller()));
    parts.put("customer", party(order.customer()) + text(order.customer().language().toLanguageTag()));
    StringBuilder lines = new StringBuilder();
    for (OrderLine line : order.lines()) {
      lines.append(text(line.sku())).append(text(line.product())).append(text(Integer.toString(line.quantity())))
          .append(text(line.type().name())).append(text(line.unitPrice().stripTrailingZeros().toPlainString()))
          .append(text(date(line.starts()))).append(text(date(line.ends()))).append(';');
    }
    parts.put("lines", lines.toString());
    StringBuilder out = new StringBuilder(VERSION);
    parts.forEach((name, value) -> out.append(';').append(name).append('=').append(sha256(value)));
    return out.toString();
  }

  /**
   * The members whose digests differ, or every member when the digests are of different versions.
   */
  static List<String> differences(String recorded, String given) {
    Map<String, String> a = parse(recorded);
    Map<String, String> b = parse(given);
    List<String> differ = new ArrayList<>();
    if (!a.getOrDefault("", "").equals(b.getOrDefault("", ""))) {
      differ.add("the content");
      return differ;
    }
    for (Map.Entry<String, String> part : b.entrySet()) {
      if (!part.getValue().equals(a.get(part.getKey()))) {
        differ.add(part.getKey());
      }
    }
    return differ;
  }

  private static Map<String, String> parse(String digest) {
    Map<String, String> parts = new LinkedHashMap<>();
    String[] fields = digest.split(";");
    parts.put("", fields[0]);
    for (int i = 1; i < fields.length; i++) {
      int eq = fields[i].indexOf('=');
      if (eq > 0) {
        parts.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
      }
    }
    return parts;
  }

  private static String party(Party party) {
    return text(party.id()) + text(party.name()) + text(party.country()) + text(party.email());
  }

  private static String date(@Nullable LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static String text(String value) {
    return value.length() + ":" + value;
  }

  private static String sha256(String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
