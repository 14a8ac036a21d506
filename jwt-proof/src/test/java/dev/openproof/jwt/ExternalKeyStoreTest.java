package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.jwt.key.ContentSigner;
import dev.openproof.jwt.key.JwsAlgorithm;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** An HSM or KMS signs through {@link ContentSigner}; the library never sees its private key. */
class ExternalKeyStoreTest {
  /** Stands in for a KMS: it keeps its key and answers ECDSA in DER, as most KMSs do. */
  private static final class DerAnsweringKms implements ContentSigner {
    private final PrivateKey sealedKey;
    private final String kid;

    DerAnsweringKms(PrivateKey sealedKey, String kid) {
      this.sealedKey = sealedKey;
      this.kid = kid;
    }

    @Override
    public JwsAlgorithm algorithm() {
      return JwsAlgorithm.ES256;
    }

    @Override
    public String keyId() {
      return kid;
    }

    @Override
    public byte[] sign(byte[] signingInput) {
      try {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(sealedKey);
        signature.update(signingInput);
        return ContentSigner.ecdsaDerToJose(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void aKeyOutsideTheLibrarySignsProofsThatVerify() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    ECKey published = new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
        .keyID("kms-key-1").algorithm(JwsAlgorithm.ES256.toNimbus()).keyUse(KeyUse.SIGNATURE).build();

    String token = JwsProofSigner.of(new DerAnsweringKms(pair.getPrivate(), "kms-key-1"), Proofs.ISSUER)
        .sign(Proofs.perpetual()).token();
    ProofVerifier verifier = ProofVerifier.builder()
        .trustedKeys(new JWKSet(published))
        .expectedIssuer(Proofs.ISSUER)
        .clock(Proofs.AN_HOUR_LATER)
        .build();

    assertThat(verifier.verify(token).keyId()).isEqualTo("kms-key-1");
  }

  @Test
  void aFailingKeyStoreIsASigningFailure() {
    ContentSigner unavailable = new ContentSigner() {
      @Override
      public JwsAlgorithm algorithm() {
        return JwsAlgorithm.ES256;
      }

      @Override
      public String keyId() {
        return "hsm-1";
      }

      @Override
      public byte[] sign(byte[] signingInput) {
        throw new IllegalStateException("HSM offline");
      }
    };

    assertThatThrownBy(() -> JwsProofSigner.of(unavailable, Proofs.ISSUER).sign(Proofs.perpetual()))
        .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.reasonCode()).isEqualTo(SigningException.Reason.SIGNING_FAILED.code()));
  }

  @Test
  void aSignatureOfTheWrongShapeIsASigningFailure() {
    ContentSigner der = new ContentSigner() {
      @Override
      public JwsAlgorithm algorithm() {
        return JwsAlgorithm.ES256;
      }

      @Override
      public String keyId() {
        return "hsm-2";
      }

      @Override
      public byte[] sign(byte[] signingInput) {
        return new byte[71];
      }
    };

    assertThatThrownBy(() -> JwsProofSigner.of(der, Proofs.ISSUER).sign(Proofs.perpetual()))
        .isInstanceOf(SigningException.class);
  }

  @Test
  void refusesToSignClaimsThatWouldBreakTheSchema() {
    var order = dev.openproof.core.testing.SampleOrders.russian();
    var lines = order.lines();
    var badCustomer = new dev.openproof.core.model.Customer("C 100", "Name", "RU", "it@example.test", java.util.Locale.ROOT);
    var bad = new dev.openproof.core.model.Order(order.orderId(), order.program(), order.placedAt(), order.currency(), null,
        order.distributor(), order.reseller(), badCustomer, lines);

    assertThatThrownBy(() -> JwsProofSigner.of(dev.openproof.jwt.key.SigningKey.generate(JwsAlgorithm.ES256), Proofs.ISSUER)
            .sign(Proofs.of(bad, "P-9")))
        .isInstanceOfSatisfying(SigningException.class, e -> {
          assertThat(e.reasonCode()).isEqualTo(SigningException.Reason.INVALID_PROOF.code());
          assertThat(e.getMessage()).contains("/license/customer/id");
        });
  }
}
