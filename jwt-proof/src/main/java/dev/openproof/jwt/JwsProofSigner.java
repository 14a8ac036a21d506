package dev.openproof.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.jwt.key.ContentSigner;
import dev.openproof.jwt.key.KeyRing;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Signs license proofs as compact JWS: header {@code alg}, {@code kid} and {@code
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
  /** The encoded protected header and its dot, in ASCII: the same for every proof of this signer. */
  private final byte[] headerAndDot;
  private final int signatureLength;

  private JwsProofSigner(ContentSigner signer, String issuer) {
    this.signer = signer;
    this.issuer = issuer;
    this.headerAndDot = new JWSHeader.Builder(signer.algorithm().toNimbus())
        .keyID(signer.keyId())
        .type(new JOSEObjectType(HeaderRules.TYPE))
        .build()
        .toBase64URL()
        .toString()
        .concat(".")
        .getBytes(StandardCharsets.US_ASCII);
    this.signatureLength = switch (signer.algorithm()) {
      case ES256, EDDSA -> 64;
      case RS256, PS256 -> -1;
    };
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
    byte[] claims = ClaimsWriter.bytes(proof, issuer);
    if (ClaimsStream.conforms(claims, issuer)) {
      return signed(proof, claims);
    }
    // The streaming check is narrower than the rules: the tree decides, and names the rule broken.
    String violation = ClaimsRules.violation(ClaimsWriter.write(proof, issuer));
    if (violation != null) {
      throw new SigningException(SigningException.Reason.INVALID_PROOF, "proof " + proof.proofId() + " would break the claims schema: " + violation, null);
    }
    return signed(proof, claims);
  }

  private SignedProof signed(LicenseProof proof, byte[] claims) {
    byte[] encodedClaims = Base64Url.encodeToAscii(claims);
    byte[] signingInput = Arrays.copyOf(headerAndDot, headerAndDot.length + encodedClaims.length);
    System.arraycopy(encodedClaims, 0, signingInput, headerAndDot.length, encodedClaims.length);
    byte[] signature;
    try {
      signature = signer.sign(signingInput);
    } catch (SigningException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SigningException("key " + signer.keyId() + " could not sign proof " + proof.proofId(), e);
    }
    if (signature == null || (signatureLength > 0 ? signature.length != signatureLength : signature.length < 256)) {
      throw new SigningException("key " + signer.keyId() + " could not sign proof " + proof.proofId(), new IllegalStateException(
          "key " + signer.keyId() + " returned a signature of the wrong length for " + signer.algorithm()));
    }
    byte[] encodedSignature = Base64Url.encodeToAscii(signature);
    // Built from the parts, not from the signing input, which the key may have changed.
    int dot = headerAndDot.length + encodedClaims.length;
    byte[] token = Arrays.copyOf(headerAndDot, dot + 1 + encodedSignature.length);
    System.arraycopy(encodedClaims, 0, token, headerAndDot.length, encodedClaims.length);
    token[dot] = '.';
    System.arraycopy(encodedSignature, 0, token, dot + 1, encodedSignature.length);
    // ASCII, so read as Latin-1: the same text, copied without a scan.
    return new SignedProof(proof.proofId(), new String(token, StandardCharsets.ISO_8859_1), signer.algorithm().joseName(),
        signer.keyId());
  }

  @Override
  public String toString() {
    return "JwsProofSigner[alg=" + signer.algorithm() + ", kid=" + signer.keyId() + ", issuer=" + issuer + "]";
  }
}
