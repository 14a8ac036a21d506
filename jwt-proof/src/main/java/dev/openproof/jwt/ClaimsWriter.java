package dev.openproof.jwt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.StatusReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Writes a proof's claims set, member for member as the schema names them: as JSON bytes in one pass
 * of a streaming generator, or as a tree (for the rules' verdict on a proof the bytes do not pass);
 * both hold the same members in the same order.
 */
final class ClaimsWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ClaimsWriter() {}

  /**
   * The claims set's bytes, exactly as Jackson's generator writes them ({@link #generated}): written
   * here directly when every text is plain enough that the two cannot differ (no control character,
   * no surrogate: Jackson escapes those its own way), else by the generator.
   */
  static byte[] bytes(LicenseProof proof, String issuer) {
    byte[] direct = Direct.write(proof, issuer);
    return direct != null ? direct : generated(proof, issuer);
  }

  /** The claims set's bytes, written by Jackson's streaming generator. */
  static byte[] generated(LicenseProof proof, String issuer) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(1024)) {
      try (JsonGenerator json = Json.MAPPER.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("iss", issuer);
        json.writeStringField("sub", proof.customer().id());
        json.writeStringField("jti", proof.proofId().value());
        json.writeNumberField("iat", proof.issuedAt().getEpochSecond());
        if (proof.expiresAt() != null) {
          json.writeNumberField("exp", proof.expiresAt().getEpochSecond());
        }
        if (proof.replaces() != null) {
          json.writeStringField("replaces", proof.replaces().value());
        }
        StatusReference status = proof.status();
        if (status != null) {
          json.writeObjectFieldStart("status");
          json.writeObjectFieldStart("status_list");
          json.writeNumberField("idx", status.index());
          json.writeStringField("uri", status.uri());
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeObjectFieldStart("license");
        json.writeNumberField("version", 1);
        json.writeStringField("program", proof.program().name());
        json.writeStringField("license_number", proof.licenseNumber().value());
        json.writeStringField("authorization_number", proof.authorizationNumber().value());
        json.writeStringField("order_id", proof.orderId().value());
        json.writeStringField("ordered_at", proof.orderedAt().toString());
        party(json, "customer", proof.customer());
        party(json, "reseller", proof.reseller());
        party(json, "distributor", proof.distributor());
        json.writeArrayFieldStart("entitlements");
        for (Entitlement entitlement : proof.entitlements()) {
          json.writeStartObject();
          json.writeStringField("sku", entitlement.sku());
          json.writeStringField("product", entitlement.product());
          json.writeNumberField("quantity", entitlement.quantity());
          json.writeStringField("type", entitlement.type().name());
          if (entitlement.starts() != null) {
            json.writeStringField("starts", entitlement.starts().toString());
          }
          if (entitlement.ends() != null) {
            json.writeStringField("ends", entitlement.ends().toString());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
  }

  private static void party(JsonGenerator json, String name, PartyRef party) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("id", party.id());
    json.writeStringField("name", party.name());
    if (party.country() != null) {
      json.writeStringField("country", party.country());
    }
    json.writeEndObject();
  }

  static ObjectNode write(LicenseProof proof, String issuer) {
    ObjectNode claims = NODES.objectNode();
    claims.put("iss", issuer);
    claims.put("sub", proof.customer().id());
    claims.put("jti", proof.proofId().value());
    claims.put("iat", proof.issuedAt().getEpochSecond());
    if (proof.expiresAt() != null) {
      claims.put("exp", proof.expiresAt().getEpochSecond());
    }
    if (proof.replaces() != null) {
      claims.put("replaces", proof.replaces().value());
    }
    StatusReference status = proof.status();
    if (status != null) {
      ObjectNode list = claims.putObject("status").putObject("status_list");
      list.put("idx", status.index());
      list.put("uri", status.uri());
    }
    ObjectNode license = claims.putObject("license");
    license.put("version", 1);
    license.put("program", proof.program().name());
    license.put("license_number", proof.licenseNumber().value());
    license.put("authorization_number", proof.authorizationNumber().value());
    license.put("order_id", proof.orderId().value());
    license.put("ordered_at", proof.orderedAt().toString());
    party(license.putObject("customer"), proof.customer());
    party(license.putObject("reseller"), proof.reseller());
    party(license.putObject("distributor"), proof.distributor());
    ArrayNode entitlements = license.putArray("entitlements");
    for (Entitlement entitlement : proof.entitlements()) {
      ObjectNode item = entitlements.addObject();
      item.put("sku", entitlement.sku());
      item.put("product", entitlement.product());
      item.put("quantity", entitlement.quantity());
      item.put("type", entitlement.type().name());
      if (entitlement.starts() != null) {
        item.put("starts", entitlement.starts().toString());
      }
      if (entitlement.ends() != null) {
        item.put("ends", entitlement.ends().toString());
      }
    }
    return claims;
  }

  private static void party(ObjectNode node, PartyRef party) {
    node.put("id", party.id());
    node.put("name", party.name());
    if (party.country() != null) {
      node.put("country", party.country());
    }
  }

  /**
   * The claims set written without a generator, byte for byte what Jackson writes, for texts that
   * hold no control character and no surrogate; {@code null} for any other.
   */
  private static final class Direct {
    private byte[] out = new byte[1024];
    private int size;
    private boolean plain = true;

    static byte @Nullable [] write(LicenseProof proof, String issuer) {
      Direct json = new Direct();
      json.ascii("{\"iss\":").text(issuer).ascii(",\"sub\":").text(proof.customer().id())
          .ascii(",\"jti\":").text(proof.proofId().value()).ascii(",\"iat\":").number(proof.issuedAt().getEpochSecond());
      if (proof.expiresAt() != null) {
        json.ascii(",\"exp\":").number(proof.expiresAt().getEpochSecond());
      }
      if (proof.replaces() != null) {
        json.ascii(",\"replaces\":").text(proof.replaces().value());
      }
      StatusReference status = proof.status();
      if (status != null) {
        json.ascii(",\"status\":{\"status_list\":{\"idx\":").number(status.index()).ascii(",\"uri\":").text(status.uri())
            .ascii("}}");
      }
      json.ascii(",\"license\":{\"version\":1,\"program\":").text(proof.program().name())
          .ascii(",\"license_number\":").text(proof.licenseNumber().value())
          .ascii(",\"authorization_number\":").text(proof.authorizationNumber().value())
          .ascii(",\"order_id\":").text(proof.orderId().value())
          .ascii(",\"ordered_at\":").text(proof.orderedAt().toString())
          .party(",\"customer\":{", proof.customer()).party(",\"reseller\":{", proof.reseller())
          .party(",\"distributor\":{", proof.distributor()).ascii(",\"entitlements\":[");
      boolean first = true;
      for (Entitlement entitlement : proof.entitlements()) {
        json.ascii(first ? "{\"sku\":" : ",{\"sku\":").text(entitlement.sku())
            .ascii(",\"product\":").text(entitlement.product())
            .ascii(",\"quantity\":").number(entitlement.quantity())
            .ascii(",\"type\":").text(entitlement.type().name());
        if (entitlement.starts() != null) {
          json.ascii(",\"starts\":").text(entitlement.starts().toString());
        }
        if (entitlement.ends() != null) {
          json.ascii(",\"ends\":").text(entitlement.ends().toString());
        }
        json.ascii("}");
        first = false;
      }
      json.ascii("]}}");
      return json.plain ? Arrays.copyOf(json.out, json.size) : null;
    }

    private Direct party(String start, PartyRef party) {
      ascii(start).ascii("\"id\":").text(party.id()).ascii(",\"name\":").text(party.name());
      if (party.country() != null) {
        ascii(",\"country\":").text(party.country());
      }
      return ascii("}");
    }

    private void room(int bytes) {
      if (size + bytes > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, size + bytes));
      }
    }

    /** JSON punctuation and names, ASCII only. */
    private Direct ascii(String text) {
      room(text.length());
      for (int i = 0; i < text.length(); i++) {
        out[size++] = (byte) text.charAt(i);
      }
      return this;
    }

    private Direct number(long value) {
      return ascii(Long.toString(value));
    }

    /** A string as Jackson writes it: quote and backslash escaped, the rest as UTF-8. */
    private Direct text(String text) {
      room(text.length() * 3 + 2);
      out[size++] = '"';
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          if (c < 0x20) {
            plain = false;
            return this;
          }
          if (c == '"' || c == '\\') {
            out[size++] = '\\';
          }
          out[size++] = (byte) c;
        } else if (c < 0x800) {
          out[size++] = (byte) (0xc0 | c >> 6);
          out[size++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isSurrogate(c)) {
          plain = false;
          return this;
        } else {
          out[size++] = (byte) (0xe0 | c >> 12);
          out[size++] = (byte) (0x80 | c >> 6 & 0x3f);
          out[size++] = (byte) (0x80 | c & 0x3f);
        }
      }
      out[size++] = '"';
      return this;
    }
  }
}
