package dev.openproof.certificate.site;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.InMemoryProofLedger;
import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerificationException;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import dev.openproof.jwt.status.StatusSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An issuer with real keys of every algorithm, its status lists, and the fulfillment that issues,
 * revokes and suspends its proofs; it writes its verification site with {@link SiteWriter}.
 */
final class TestIssuer {
  static final String ISSUER = "https://licensing.example.test";

  final Map<JwsAlgorithm, SigningKey> keys = new EnumMap<>(JwsAlgorithm.class);
  final SigningKey untrusted = SigningKey.generate(JwsAlgorithm.ES256);
  final InMemoryStatusLists lists = InMemoryStatusLists.create(ISSUER + "/status");
  final LicenseFulfillment fulfillment;
  private final LicenseFulfillment issuedIn2021;
  private int orders;

  TestIssuer() {
    for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
      keys.put(algorithm, SigningKey.generate(algorithm));
    }
    fulfillment = LicenseFulfillment.builder().signer(JwsProofSigner.of(es256(), ISSUER)).statusLists(lists)
        .delivery(RecordingProofDelivery.create(Clock.systemUTC())).ledger(InMemoryProofLedger.create()).build();
    issuedIn2021 = LicenseFulfillment.builder().signer(JwsProofSigner.of(es256(), ISSUER)).statusLists(lists)
        .delivery(RecordingProofDelivery.create(Clock.systemUTC())).ledger(InMemoryProofLedger.create())
        .clock(Clock.fixed(Instant.parse("2021-03-02T14:00:00Z"), ZoneOffset.UTC)).build();
  }

  SigningKey es256() {
    return keys.get(JwsAlgorithm.ES256);
  }

  /** A new proof of an order like the Russian sample (perpetual, with a status list entry). */
  ProofRecord issue() {
    return issue(fulfillment, SampleOrders.numbered(++orders));
  }

  /** The proof of the Russian sample order itself, whose customer's name is in Cyrillic. */
  ProofRecord issueRussian() {
    return issue(fulfillment, SampleOrders.russian());
  }

  /** The German subscription's proof, issued in 2021: its terms ended on 2024-03-31. */
  ProofRecord issueExpired() {
    return issue(issuedIn2021, SampleOrders.germanSubscription());
  }

  private static ProofRecord issue(LicenseFulfillment fulfillment, Order order) {
    return fulfillment.fulfill(order).issuedProof().orElseThrow();
  }

  /** A proof signed with a key of the given algorithm and issuer, with a place in the status list. */
  String sign(JwsAlgorithm algorithm, String issuer) {
    LicenseProof proof = issue().proof();
    return JwsProofSigner.of(keys.get(algorithm), issuer).sign(proof).token();
  }

  /** The public keys the site publishes: one of each algorithm. */
  String jwks() {
    List<JWK> published = new ArrayList<>();
    keys.values().forEach(key -> published.add(key.publicJwk()));
    return Jwks.toJson(new JWKSet(published));
  }

  /** Signs the status lists as they are now and writes the whole site. */
  void writeSite(Path dir, boolean embedKeys) throws IOException {
    SiteWriter.Builder site = SiteWriter.builder().issuer(ISSUER).jwks(jwks()).embedKeys(embedKeys);
    StatusListTokenSigner.builder(es256()).issuer(ISSUER).build().publish(lists)
        .forEach((uri, token) -> site.statusList(uri.substring(uri.lastIndexOf('/') + 1), token));
    site.build().writeTo(dir);
  }

  void revoke(ProofRecord proof) {
    fulfillment.revoke(proof.proof().proofId(), "order returned");
  }

  void suspend(ProofId proof) {
    fulfillment.suspend(proof);
  }

  /** What the Java verifier says of a token, with the site's status lists: VALID or the reason code. */
  String javaVerdict(String token, Path site) {
    ProofVerifier verifier = ProofVerifier.builder()
        .trustedKeys(Jwks.parse(jwks()))
        .expectedIssuer(ISSUER)
        .statusSource(uri -> StatusSource.fromFile(site.resolve("status").resolve(uri.substring(uri.lastIndexOf('/') + 1) + ".jwt")).token(uri))
        .build();
    try {
      verifier.verify(token);
      return "VALID";
    } catch (ProofVerificationException e) {
      return e.reasonCode();
    }
  }
}
