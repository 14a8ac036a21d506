package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.InMemoryProofLedger;
import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import dev.openproof.jwt.status.StatusSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists of two entries, so that five orders fill three lists: a verifier follows the list each proof
 * names, in a folder or under a URL prefix, and finds the revoked proofs of every list.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RevocationPastTheFirstListTest {
  private final SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
  private final Map<String, String> published = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private String base;
  private InMemoryStatusLists lists;
  private final List<ProofRecord> proofs = new ArrayList<>();

  @BeforeEach
  void issueFiveProofsOnThreeLists() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String token = published.get("http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI().getPath());
      byte[] bytes = token == null ? new byte[0] : token.getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(token == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/status";
    lists = InMemoryStatusLists.create(base, 2, new Random(7));
    LicenseFulfillment workflow = LicenseFulfillment.builder()
        .signer(JwsProofSigner.of(key, Proofs.ISSUER))
        .delivery(RecordingProofDelivery.create(Clock.systemUTC()))
        .ledger(InMemoryProofLedger.create())
        .statusLists(lists)
        .build();
    for (int n = 1; n <= 5; n++) {
      proofs.add(workflow.fulfill(SampleOrders.numbered(n)).issuedProof().orElseThrow());
    }
    workflow.revoke(proofs.get(0).proof().proofId(), "returned");
    workflow.revoke(proofs.get(3).proof().proofId(), "returned");
    published.putAll(StatusListTokenSigner.builder(key).issuer(Proofs.ISSUER).build().publish(lists));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ProofVerifier verifierWith(StatusSource source) {
    return ProofVerifier.builder().trustedKeys(KeyRing.of(key)).expectedIssuer(Proofs.ISSUER).statusSource(source).build();
  }

  private String token(int i) {
    return proofs.get(i).signedProof().token();
  }

  @Test
  void theProofsFillThreeLists() {
    assertThat(lists.lists()).containsExactly(base + "/1", base + "/2", base + "/3");
    assertThat(proofs).extracting(p -> p.proof().status().uri())
        .containsExactly(base + "/1", base + "/1", base + "/2", base + "/2", base + "/3");
  }

  @Test
  void aFolderOfListsRevokesAndAcceptsOnEveryList(@TempDir Path dir) throws IOException {
    for (Map.Entry<String, String> list : published.entrySet()) {
      Files.writeString(dir.resolve(list.getKey().substring(base.length() + 1) + ".jwt"), list.getValue() + "\n");
    }
    assertRevokedAndValid(verifierWith(StatusSource.fromFolder(dir, base)));
  }

  @Test
  void listsUnderATrustedPrefixAreFetchedEachOnceForItsTimeToLive() {
    ProofVerifier verifier = verifierWith(StatusSource.fromUrlsUnder(URI.create(base + "/")));
    assertRevokedAndValid(verifier);
    assertRevokedAndValid(verifier);
    assertThat(requests).hasValue(3);
  }

  private void assertRevokedAndValid(ProofVerifier verifier) {
    Rejections.assertRejected(verifier, token(0), RejectionReason.REVOKED).hasMessageContaining(base + "/1");
    assertThat(verifier.verify(token(1)).statusCheck()).isEqualTo(StatusCheck.VALID);
    assertThat(verifier.verify(token(2)).statusCheck()).isEqualTo(StatusCheck.VALID);
    Rejections.assertRejected(verifier, token(3), RejectionReason.REVOKED).hasMessageContaining(base + "/2");
    assertThat(verifier.verify(token(4)).statusCheck()).isEqualTo(StatusCheck.VALID);
  }

  @Test
  void aListOutsideTheTrustedPrefixIsRefusedAndNeverFetched() {
    String other = "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere";
    LicenseProof elsewhere = proofs.get(1).proof().withStatus(new dev.openproof.core.model.StatusReference(0, other + "/1"));
    published.put(other + "/1", published.get(base + "/1"));
    String token = JwsProofSigner.of(key, Proofs.ISSUER).sign(elsewhere).token();

    for (String prefix : List.of(base + "/", base + "/2/", base.replace("/status", "/stat"))) {
      Rejections.assertRejected(verifierWith(StatusSource.fromUrlsUnder(URI.create(prefix))), token, RejectionReason.STATUS_LIST_UNTRUSTED)
          .hasMessageContaining("not fetched");
    }
    assertThat(requests).hasValue(0);
  }

  @Test
  void aListUriThatClimbsOutOfThePrefixOrTheFolderIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("1.jwt"), published.get(base + "/1"));
    for (String uri : List.of(base + "/../admin/1", base + "/./1", base + "/%2e%2e/1", base + "/1?x=1", base + "/1#f",
        base + "/.hidden", base + "//1", base + "/1/", base + "/\u0000")) {
      LicenseProof climbing = proofs.get(1).proof().withStatus(new dev.openproof.core.model.StatusReference(0, uri));
      String token = JwsProofSigner.of(key, Proofs.ISSUER).sign(climbing).token();
      Rejections.assertRejected(verifierWith(StatusSource.fromUrlsUnder(URI.create(base + "/"))), token,
          RejectionReason.STATUS_LIST_UNTRUSTED);
      Rejections.assertRejected(verifierWith(StatusSource.fromFolder(dir, base)), token, RejectionReason.STATUS_LIST_UNTRUSTED);
    }
    for (String uri : List.of(base + "/01", base + "/1.jwt", base + "/0", base + "/1/2", "file:///etc/passwd")) {
      LicenseProof odd = proofs.get(1).proof().withStatus(new dev.openproof.core.model.StatusReference(0, uri));
      String token = JwsProofSigner.of(key, Proofs.ISSUER).sign(odd).token();
      Rejections.assertRejected(verifierWith(StatusSource.fromFolder(dir, base)), token, RejectionReason.STATUS_LIST_UNTRUSTED)
          .hasMessageContaining("not read");
    }
    assertThat(requests).hasValue(0);
  }

  @Test
  void aListFileThatIsNotARegularFileIsNotReadAndAChangedFileIsReadAgain(@TempDir Path dir) throws Exception {
    Files.createSymbolicLink(dir.resolve("1.jwt"), Path.of("/dev/zero"));
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("2.jwt").toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    StatusSource folder = StatusSource.fromFolder(dir, base);
    Rejections.assertRejected(verifierWith(folder), token(1), RejectionReason.STATUS_UNAVAILABLE).hasMessageContaining("not a regular file");
    Rejections.assertRejected(verifierWith(folder), token(2), RejectionReason.STATUS_UNAVAILABLE).hasMessageContaining("not a regular file");
    Rejections.assertRejected(verifierWith(folder), token(4), RejectionReason.STATUS_UNAVAILABLE).hasMessageContaining("no such file");

    Files.delete(dir.resolve("1.jwt"));
    Files.writeString(dir.resolve("1.jwt"), published.get(base + "/1"));
    ProofVerifier verifier = verifierWith(folder);
    assertThat(verifier.verify(token(1)).statusCheck()).isEqualTo(StatusCheck.VALID);
    Files.writeString(dir.resolve("1.jwt"), published.get(base + "/2") + "\n\n");
    Rejections.assertRejected(verifier, token(1), RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("not the proof's");
  }
}
