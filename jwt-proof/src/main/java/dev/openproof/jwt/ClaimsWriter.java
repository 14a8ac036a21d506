package dev.openproof.jwt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.StatusReference;

/** Writes a proof's claims set, member for member as the schema names them. */
final class ClaimsWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ClaimsWriter() {}

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
}
