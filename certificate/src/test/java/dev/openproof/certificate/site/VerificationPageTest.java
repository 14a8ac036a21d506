package dev.openproof.certificate.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.certificate.site.Chromium.Verdict;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.JwsAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/** The verification page in Chromium, served from a static host, on proofs a real issuer signed. */
@ExtendWith(SharedPage.Extension.class)
class VerificationPageTest {
  private static final Path TARGET = Path.of("target");

  private static String issued(SharedPage page, ProofRecord proof) {
    page.refresh();
    return proof.signedProof().token();
  }

  private static void assertInvalid(SharedPage page, String token, String reason) {
    Verdict verdict = page.check(token);
    assertThat(verdict.verdict()).as(verdict.toString()).isEqualTo("INVALID");
    assertThat(verdict.reason()).as(verdict.toString()).isEqualTo(reason);
    assertThat(page.javaVerdict(token)).isEqualTo(reason);
  }

  @Test
  void aGoodProofIsValidAndShowsWhoOwnsWhichLicenses(SharedPage page) throws Exception {
    ProofRecord proof = page.issuer.issueRussian();
    Verdict verdict = page.check(issued(page, proof));
    assertThat(verdict.verdict()).isEqualTo("VALID");
    assertThat(verdict.reason()).isEmpty();
    assertThat(verdict.status()).isEqualTo("valid");
    assertThat(verdict.title()).isEqualTo("Valid");
    assertThat(verdict.text()).contains(proof.proof().licenseNumber().value(), proof.proof().customer().name(),
        "Not revoked: the status list of " + TestIssuer.ISSUER + " was checked just now.");
    proof.proof().entitlements().forEach(e -> assertThat(verdict.text()).contains(e.sku(), e.product()));
    assertThat(page.javaVerdict(proof.signedProof().token())).isEqualTo("VALID");
    page.browser.screenshot(TARGET.resolve("verify-valid.png"));
  }

  @Test
  void oneChangedByteAnywhereMakesTheProofNotGenuine(SharedPage page) throws Exception {
    String token = issued(page, page.issuer.issue());
    int firstDot = token.indexOf('.');
    int secondDot = token.lastIndexOf('.');
    assertInvalid(page, Tokens.changed(token, (firstDot + secondDot) / 2), "BAD_SIGNATURE");
    assertThat(page.browser.verdict().title()).isEqualTo("Not genuine");
    assertThat(page.browser.verdict().text()).doesNotContain("License number");
    page.browser.screenshot(TARGET.resolve("verify-invalid.png"));
    assertInvalid(page, Tokens.changed(token, secondDot + 10), "BAD_SIGNATURE");
    for (int index : new int[] {3, firstDot - 2, firstDot + 1, secondDot - 1, token.length() - 1}) {
      String changed = Tokens.changed(token, index);
      Verdict verdict = page.check(changed);
      assertThat(verdict.verdict()).as("byte %d: %s", index, verdict).isEqualTo("INVALID");
      assertThat(verdict.reason()).as("byte %d", index).isEqualTo(page.javaVerdict(changed));
      assertThat(verdict.title()).isEqualTo("Not genuine");
    }
  }

  @Test
  void anExpiredProofIsExpired(SharedPage page) {
    String token = issued(page, page.issuer.issueExpired());
    assertInvalid(page, token, "EXPIRED");
    Verdict verdict = page.browser.verdict();
    assertThat(verdict.title()).isEqualTo("Expired");
    assertThat(verdict.text()).contains("March 31, 2024");
  }

  @Test
  void aProofIsRevokedOnceTheSiteIsRefreshedAfterTheRevocation(SharedPage page) {
    ProofRecord proof = page.issuer.issue();
    String token = issued(page, proof);
    assertThat(page.check(token).verdict()).isEqualTo("VALID");
    page.issuer.revoke(proof);
    assertThat(page.check(token).status()).as("the site still holds the old list").isEqualTo("valid");
    page.refresh();
    assertInvalid(page, token, "REVOKED");
    Verdict verdict = page.browser.verdict();
    assertThat(verdict.status()).isEqualTo("revoked");
    assertThat(verdict.title()).isEqualTo("Revoked");
    assertThat(verdict.text()).contains(proof.proof().licenseNumber().value());
  }

  @Test
  void aSuspendedProofIsSuspendedUntilReinstated(SharedPage page) {
    ProofRecord proof = page.issuer.issue();
    String token = issued(page, proof);
    page.issuer.suspend(proof.proof().proofId());
    page.refresh();
    assertInvalid(page, token, "SUSPENDED");
    assertThat(page.browser.verdict().status()).isEqualTo("suspended");
    assertThat(page.browser.verdict().title()).isEqualTo("Suspended");
    page.issuer.fulfillment.reinstate(proof.proof().proofId());
    page.refresh();
    assertThat(page.check(token).status()).isEqualTo("valid");
  }

  @Test
  void aProofOfAnotherIssuerIsNotGenuine(SharedPage page) {
    String token = page.issuer.sign(JwsAlgorithm.ES256, "https://licensing.elsewhere.test");
    page.refresh();
    assertInvalid(page, token, "WRONG_ISSUER");
    assertThat(page.browser.verdict().title()).isEqualTo("Not genuine");
  }

  @Test
  void aTokenSignedByAnUntrustedKeyIsNotGenuine(SharedPage page) {
    ProofRecord proof = page.issuer.issue();
    page.refresh();
    assertInvalid(page, JwsProofSigner.of(page.issuer.untrusted, TestIssuer.ISSUER).sign(proof.proof()).token(), "UNKNOWN_KEY");
    String claims = Tokens.claims(proof.signedProof().token()).toString();
    assertInvalid(page, Tokens.signed(Tokens.header(page.issuer.es256()), claims, page.issuer.untrusted), "BAD_SIGNATURE");
  }

  @Test
  void anUnsignedTokenIsNotGenuine(SharedPage page) {
    String token = issued(page, page.issuer.issue());
    String payload = token.split("\\.")[1];
    String none = Tokens.b64("{\"alg\":\"none\",\"kid\":\"" + page.issuer.es256().keyId() + "\",\"typ\":\"license-proof+jwt\"}");
    assertInvalid(page, none + "." + payload + ".c2ln", "ALG_NONE");
    assertInvalid(page, none + "." + payload + ".", "MALFORMED");
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void eachAlgorithmVerifies(JwsAlgorithm algorithm, SharedPage page) {
    String token = page.issuer.sign(algorithm, TestIssuer.ISSUER);
    page.refresh();
    Verdict verdict = page.check(token);
    assertThat(verdict.verdict()).as(verdict.toString()).isEqualTo("VALID");
    assertThat(verdict.text()).contains("(" + algorithm.joseName() + ")");
    assertThat(page.javaVerdict(token)).isEqualTo("VALID");
    assertInvalid(page, Tokens.changed(token, token.indexOf('.') + 5), "BAD_SIGNATURE");
  }

  @Test
  void aPastedProofAndADroppedFileAreChecked(SharedPage page) throws Exception {
    String token = issued(page, page.issuer.issue());
    page.browser.driver().get(page.server.url("verify.html"));
    page.browser.driver().findElement(By.id("token")).sendKeys("  " + token + "\n");
    page.browser.driver().findElement(By.id("check")).click();
    assertThat(page.browser.verdict().verdict()).isEqualTo("VALID");

    Path file = Files.writeString(page.site.getParent().resolve("openproof-dropped-" + System.nanoTime() + ".jwt"), token + "\n");
    try {
      page.browser.driver().get(page.server.url("verify.html"));
      page.browser.driver().findElement(By.id("file")).sendKeys(file.toString());
      assertThat(page.browser.verdict().verdict()).isEqualTo("VALID");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void theEmbeddedKeysVerifyAProofOfflineFromAFile(SharedPage page) throws Exception {
    Path offline = Files.createTempDirectory(page.site.getParent(), "openproof-offline");
    try {
      ProofRecord proof = page.issuer.issue();
      page.issuer.writeSite(offline, true);
      Files.delete(offline.resolve("jwks.json"));
      String url = offline.resolve("verify.html").toUri() + "#";
      Verdict unconfirmed = page.browser.open(url + proof.signedProof().token());
      assertThat(unconfirmed.reason()).as(unconfirmed.toString()).isEqualTo("STATUS_UNAVAILABLE");
      assertThat(unconfirmed.status()).isEqualTo("unavailable");
      assertThat(unconfirmed.title()).isEqualTo("Not confirmed");
      assertThat(unconfirmed.text()).contains(proof.proof().licenseNumber().value());

      LicenseProof withoutStatus = SampleProofs.proof(SampleOrders.russian(), "P-OFFLINE", Instant.now());
      String token = JwsProofSigner.of(page.issuer.es256(), TestIssuer.ISSUER).sign(withoutStatus).token();
      Verdict valid = page.browser.open(url + token);
      assertThat(valid.verdict()).as(valid.toString()).isEqualTo("VALID");
      assertThat(valid.status()).isEqualTo("not-checked");
      assertThat(valid.text()).contains("This proof names no status list.");
    } finally {
      try (Stream<Path> files = Files.walk(offline)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @Test
  void thePageSpeaksTheReadersLanguage(SharedPage page) throws Exception {
    String token = issued(page, page.issuer.issueRussian());
    assertThat(page.check(token, "ru").title()).isEqualTo("Действительно");
    assertThat(page.browser.verdict().text()).contains("Номер лицензии", "бессрочно");
    page.browser.screenshot(TARGET.resolve("verify-valid-ru.png"));
    assertThat(page.check(token, "de").title()).isEqualTo("Gültig");
    assertThat(page.check(token, "fr").title()).isEqualTo("Valide");
    assertThat(page.check(token, "es").title()).isEqualTo("Válida");
    assertThat(page.check(Tokens.changed(token, 30), "de").title()).isEqualTo("Nicht echt");
  }
}
