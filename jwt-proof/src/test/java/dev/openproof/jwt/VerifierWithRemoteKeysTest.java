package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.trust.RemoteJwks;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierWithRemoteKeysTest {
  @Test
  void verifiesWithKeysFromAUrlAndFindsARotatedKey() throws Exception {
    SigningKey first = SigningKey.generate(JwsAlgorithm.ES256);
    SigningKey second = SigningKey.generate(JwsAlgorithm.EDDSA);
    AtomicReference<String> published = new AtomicReference<>(Jwks.toJson(new JWKSet(first.publicJwk())));
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks.json", exchange -> {
      byte[] bytes = published.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
      ProofVerifier verifier = ProofVerifier.builder()
          .trustedKeys(RemoteJwks.builder(uri).minRefreshInterval(java.time.Duration.ofMillis(1)).build())
          .expectedIssuer(Proofs.ISSUER)
          .clock(Proofs.AN_HOUR_LATER)
          .build();

      assertThat(verifier.verify(JwsProofSigner.of(first, Proofs.ISSUER).sign(Proofs.perpetual()).token()).keyId())
          .isEqualTo(first.keyId());

      published.set(Jwks.toJson(new JWKSet(List.of(second.publicJwk(), first.publicJwk()))));
      Thread.sleep(5);
      assertThat(verifier.verify(JwsProofSigner.of(second, Proofs.ISSUER).sign(Proofs.perpetual()).token()).keyId())
          .isEqualTo(second.keyId());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSourceThatCannotBeReachedIsReportedAsSuch() {
    ProofVerifier verifier = ProofVerifier.builder()
        .trustedKeys(RemoteJwks.builder(URI.create("http://127.0.0.1:9/jwks.json")).timeout(java.time.Duration.ofSeconds(2)).build())
        .expectedIssuer(Proofs.ISSUER)
        .build();
    SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);

    Rejections.assertRejected(verifier, JwsProofSigner.of(key, Proofs.ISSUER).sign(Proofs.perpetual()).token(),
        RejectionReason.KEYS_UNAVAILABLE);
  }

  @Test
  void verifiesWithKeysFromAFile(@TempDir Path dir) throws Exception {
    SigningKey key = SigningKey.generate(JwsAlgorithm.PS256);
    Path jwks = dir.resolve("jwks.json");
    Jwks.write(jwks, new JWKSet(key.publicJwk()));

    ProofVerifier verifier = ProofVerifier.builder().trustedKeys(jwks).expectedIssuer(Proofs.ISSUER).clock(Proofs.AN_HOUR_LATER).build();

    assertThat(Files.readString(jwks)).doesNotContain("\"d\"");
    assertThat(verifier.verify(JwsProofSigner.of(key, Proofs.ISSUER).sign(Proofs.perpetual()).token()).algorithm())
        .isEqualTo(JwsAlgorithm.PS256);
  }
}
