package dev.openproof.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import dev.openproof.jwt.key.ContentSigner;
import java.util.Set;

/** A {@link ContentSigner} as nimbus-jose-jwt's {@link JWSSigner}, checking what it returns. */
final class ContentSignerAdapter implements JWSSigner {
  private final ContentSigner signer;
  private final JCAContext context = new JCAContext();

  ContentSignerAdapter(ContentSigner signer) {
    this.signer = signer;
  }

  @Override
  public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
    byte[] signature = signer.sign(signingInput);
    int expected = switch (signer.algorithm()) {
      case ES256, EDDSA -> 64;
      case RS256, PS256 -> -1;
    };
    if (signature == null || (expected > 0 ? signature.length != expected : signature.length < 256)) {
      throw new JOSEException("key " + signer.keyId() + " returned a signature of the wrong length for " + signer.algorithm());
    }
    return Base64URL.encode(signature);
  }

  @Override
  public Set<JWSAlgorithm> supportedJWSAlgorithms() {
    return Set.of(signer.algorithm().toNimbus());
  }

  @Override
  public JCAContext getJCAContext() {
    return context;
  }
}
