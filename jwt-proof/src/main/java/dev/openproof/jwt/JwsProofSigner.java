package dev.openproof.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.jwt.key.ContentSigner;
import dev.openproof.jwt.key.KeyRing;
import java.util.Objects;

/**
 * Signs license proofs as compact JWS (nimbus-jose-jwt): header {@code alg}, {@code kid} and {@code
 * typ: license-proof+jwt}; claims written with Jackson exactly as {@code
 * license-proof-claims.schema.json} says, checked against it before signing. {@code exp} is written
 * only for a proof whose every entitlement has an end date.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
 * ProofSigner signer = JwsProofSigner.of(key, "https://licensing.example.com");
 * SignedProof signed = signer.sign(proof);
 * }</pre>
 *
 * <p>Thread-safe when its {@link ContentSigner} is. A key in an HSM or cloud KMS signs by
 * implementing {@link ContentSigner}.
 *
 * @since 0.1.0
 */
public final class JwsProofSigner implements ProofSigner {
  private final ContentSigner signer;
  private final String issuer;
  private final JWSHeader header;
  private final ContentSignerAdapter adapter;

  private JwsProofSigner(ContentSigner signer, String issuer) {
    this.signer = signer;
    this.issuer = issuer;
    this.header = new JWSHeader.Builder(signer.algorithm().toNimbus())
        .keyID(signer.keyId())
        .type(new JOSEObjectType(HeaderRules.TYPE))
        .build();
    this.adapter = new ContentSignerAdapter(signer);
  }

  /**
   * A signer that signs with the given key under the given issuer.
   *
   * @param signer the key: a {@link dev.openproof.jwt.key.SigningKey}, or an HSM's or KMS's
   * @param issuer the issuer written as {@code iss}, such as {@code https://licensing.example.com}
   * @return the signer
   * @throws IllegalArgumentException if the issuer is empty or the key id blank
   */
  public static JwsProofSigner of(ContentSigner signer, String issuer) {
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(issuer, "issuer");
    if (issuer.isEmpty()) {
      throw new IllegalArgumentException("the issuer must not be empty");
    }
    if (signer.keyId() == null || signer.keyId().isBlank()) {
      throw new IllegalArgumentException("the signing key must have a key id");
    }
    return new JwsProofSigner(signer, issuer);
  }

  /**
   * A signer that signs with the active key of a ring. A later rotation needs a new signer.
   *
   * @param ring the key ring
   * @param issuer the issuer written as {@code iss}
   * @return the signer
   */
  public static JwsProofSigner of(KeyRing ring, String issuer) {
    return of(ring.active(), issuer);
  }

  /**
   * Signs a proof.
   *
   * @param proof the proof
   * @return the compact JWS with the proof's id, the algorithm and the key id
   * @throws SigningException with reason {@code INVALID_PROOF} if the claims would break the schema
   *     (for example a name with a line break, or {@code exp} while an entitlement has no end date),
   *     or {@code SIGNING_FAILED} if the key failed
   */
  @Override
  public SignedProof sign(LicenseProof proof) {
    Objects.requireNonNull(proof, "proof");
    if (proof.expiresAt() != null) {
      for (Entitlement entitlement : proof.entitlements()) {
        if (entitlement.ends() == null) {
          throw new SigningException(SigningException.Reason.INVALID_PROOF, "proof " + proof.proofId()
              + " has an expiry although entitlement " + entitlement.sku() + " has no end date", null);
        }
      }
    }
    ObjectNode claims = ClaimsWriter.write(proof, issuer);
    String violation = ClaimsRules.violation(claims);
    if (violation != null) {
      throw new SigningException(SigningException.Reason.INVALID_PROOF, "proof " + proof.proofId() + " would break the claims schema: " + violation, null);
    }
    JWSObject jws;
    try {
      jws = new JWSObject(header, new Payload(Json.MAPPER.writeValueAsBytes(claims)));
    } catch (JsonProcessingException e) {
      throw new SigningException("cannot write the claims of proof " + proof.proofId(), e);
    }
    try {
      jws.sign(adapter);
    } catch (JOSEException e) {
      if (e.getCause() instanceof SigningException signing) {
        throw signing;
      }
      throw new SigningException("key " + signer.keyId() + " could not sign proof " + proof.proofId(), e);
    }
    return new SignedProof(proof.proofId(), jws.serialize(), signer.algorithm().joseName(), signer.keyId());
  }

  @Override
  public String toString() {
    return "JwsProofSigner[alg=" + signer.algorithm() + ", kid=" + signer.keyId() + ", issuer=" + issuer + "]";
  }
}
