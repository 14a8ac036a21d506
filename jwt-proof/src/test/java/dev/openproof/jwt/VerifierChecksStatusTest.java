package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListCodec;
import dev.openproof.jwt.status.StatusListTokenSigner;
import dev.openproof.jwt.status.StatusSource;
import dev.openproof.jwt.status.StatusSourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A revocation reaches a partner who verifies offline, through the published Status List Token. */
class VerifierChecksStatusTest {
  private static final String LISTS = "https://licensing.example.test/status";

  private final SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
  private final InMemoryStatusLists lists = InMemoryStatusLists.create(LISTS, 4096, new Random(11));
  private final JwsProofSigner signer = JwsProofSigner.of(key, Proofs.ISSUER);
  private final LicenseProof proof = Proofs.perpetual().withStatus(lists.allocate(Proofs.perpetual().proofId()));
  private final String token = signer.sign(proof).token();

  private StatusListTokenSigner.Builder listSigner(SigningKey with) {
    return StatusListTokenSigner.builder(with).issuer(Proofs.ISSUER).clock(Proofs.AN_HOUR_LATER);
  }

  private String publishedList() {
    return listSigner(key).build().sign(proof.status().uri(), lists.statuses(proof.status().uri()));
  }

  private ProofVerifier.Builder verifier() {
    return ProofVerifier.builder().trustedKeys(KeyRing.of(key)).expectedIssuer(Proofs.ISSUER).clock(Proofs.AN_HOUR_LATER);
  }

  private ProofVerifier verifierWith(String statusListToken) {
    return verifier().statusSource(StatusSource.of(statusListToken)).build();
  }

  @Test
  void aValidProofIsAcceptedWithItsStatusChecked() {
    VerifiedProof verified = verifierWith(publishedList()).verify(token);
    assertThat(verified.statusCheck()).isEqualTo(StatusCheck.VALID);
    assertThat(verified.statusChecked()).isTrue();
  }

  @Test
  void withoutAStatusSourceTheVerifierSaysTheStatusWasNotChecked() {
    lists.setStatus(proof.proofId(), ProofStatus.INVALID);
    VerifiedProof verified = verifier().build().verify(token);
    assertThat(verified.statusCheck()).isEqualTo(StatusCheck.NOT_CHECKED);
    assertThat(verified.statusChecked()).isFalse();
  }

  @Test
  void aProofThatNamesNoListIsSaidToHaveNone() {
    String plain = signer.sign(Proofs.withTerm()).token();
    assertThat(verifierWith(publishedList()).verify(plain).statusCheck()).isEqualTo(StatusCheck.NO_STATUS_LIST);
  }

  @Test
  void aRevokedProofIsRejectedOffline() {
    lists.setStatus(proof.proofId(), ProofStatus.INVALID);
    Rejections.assertRejected(verifierWith(publishedList()), token, RejectionReason.REVOKED);
  }

  @Test
  void aSuspendedProofIsRejectedUntilReinstated() {
    lists.setStatus(proof.proofId(), ProofStatus.SUSPENDED);
    Rejections.assertRejected(verifierWith(publishedList()), token, RejectionReason.SUSPENDED);
    lists.setStatus(proof.proofId(), ProofStatus.VALID);
    assertThat(verifierWith(publishedList()).verify(token).statusChecked()).isTrue();
  }

  @Test
  void aListSignedByAnUntrustedKeyIsRefused() {
    lists.setStatus(proof.proofId(), ProofStatus.INVALID);
    String forged = listSigner(SigningKey.generate(JwsAlgorithm.ES256)).build()
        .sign(proof.status().uri(), new byte[4096]);
    Rejections.assertRejected(verifierWith(forged), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("UNKNOWN_KEY");
  }

  @Test
  void aListWhoseSignatureWasTamperedWithIsRefused() {
    String list = publishedList();
    int dot = list.lastIndexOf('.');
    char flipped = list.charAt(dot + 1) == 'A' ? 'B' : 'A';
    String tampered = list.substring(0, dot + 1) + flipped + list.substring(dot + 2);
    Rejections.assertRejected(verifierWith(tampered), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("BAD_SIGNATURE");
  }

  @Test
  void anExpiredListIsRefused() {
    String list = listSigner(key).validity(Duration.ofMinutes(30)).ttl(Duration.ofDays(2)).build()
        .sign(proof.status().uri(), lists.statuses(proof.status().uri()));
    Clock later = Clock.fixed(Proofs.AN_HOUR_LATER.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    Rejections.assertRejected(verifier().clock(later).statusSource(StatusSource.of(list)).build(), token,
        RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("expired");
  }

  @Test
  void aListPastItsTimeToLiveIsRefused() {
    String list = listSigner(key).validity(Duration.ofDays(2)).ttl(Duration.ofMinutes(30)).build()
        .sign(proof.status().uri(), lists.statuses(proof.status().uri()));
    Clock later = Clock.fixed(Proofs.AN_HOUR_LATER.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    ProofVerifier stale = verifier().clock(later).statusSource(StatusSource.of(list)).build();
    Rejections.assertRejected(stale, token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("time to live");
  }

  @Test
  void aListOfAnotherUriIsRefused() {
    String other = listSigner(key).build().sign(LISTS + "/2", lists.statuses(proof.status().uri()));
    Rejections.assertRejected(verifierWith(other), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining(LISTS + "/2");
  }

  @Test
  void aLicenseProofPassedOffAsAStatusListIsRefusedForItsType() {
    Rejections.assertRejected(verifierWith(token), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("WRONG_TYPE");
  }

  @Test
  void aListTooShortForTheProofsIndexIsRefused() {
    String shortList = listSigner(key).build().sign(proof.status().uri(), new byte[4]);
    assertThat(proof.status().index()).isGreaterThanOrEqualTo(4);
    Rejections.assertRejected(verifierWith(shortList), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("4 entries");
  }

  @Test
  void aSourceThatFailsMakesTheStatusUnavailable() {
    ProofVerifier failing = verifier().statusSource(uri -> {
      throw new StatusSourceException("the status server is down");
    }).build();
    Rejections.assertRejected(failing, token, RejectionReason.STATUS_UNAVAILABLE).hasMessageContaining("down");
  }

  private String forgedList(String claimsBeforeList) {
    String header = "{\"alg\":\"ES256\",\"kid\":\"" + key.keyId() + "\",\"typ\":\"statuslist+jwt\"}";
    String lst = StatusListCodec.encode(lists.statuses(proof.status().uri()), 2);
    return Forge.signed(header, "{" + claimsBeforeList + "\"sub\":\"" + proof.status().uri()
        + "\",\"status_list\":{\"bits\":2,\"lst\":\"" + lst + "\"}}", key);
  }

  private static long at(Duration fromNow) {
    return Proofs.AN_HOUR_LATER.instant().plus(fromNow).getEpochSecond();
  }

  @Test
  void aListOfAnotherIssuerSignedByATrustedKeyIsRefused() {
    String evil = listSigner(key).issuer("https://evil.test").build().sign(proof.status().uri(), lists.statuses(proof.status().uri()));
    Rejections.assertRejected(verifierWith(evil), token, RejectionReason.STATUS_LIST_INVALID)
        .hasMessageContaining("WRONG_ISSUER").hasMessageContaining("evil.test");
  }

  @Test
  void aListThatNamesNoIssuerIsRefused() {
    String anonymous = forgedList("\"iat\":" + at(Duration.ofMinutes(-1)) + ",\"exp\":" + at(Duration.ofHours(1)) + ",");
    Rejections.assertRejected(verifierWith(anonymous), token, RejectionReason.STATUS_LIST_INVALID)
        .hasMessageContaining("WRONG_ISSUER").hasMessageContaining("no issuer");
  }

  @Test
  void aListWithoutExpIsAcceptedOnlyWithinTheMaximumAge() {
    String issuer = "\"iss\":\"" + Proofs.ISSUER + "\",";
    String young = forgedList(issuer + "\"iat\":" + at(Duration.ofMinutes(-30)) + ",");
    String old = forgedList(issuer + "\"iat\":" + at(Duration.ofMinutes(-90)) + ",");
    ProofVerifier.Builder withAnHour = verifier().maxStatusListAge(Duration.ofHours(1));

    assertThat(withAnHour.statusSource(StatusSource.of(young)).build().verify(token).statusCheck()).isEqualTo(StatusCheck.VALID);
    Rejections.assertRejected(withAnHour.statusSource(StatusSource.of(old)).build(), token, RejectionReason.STATUS_LIST_INVALID)
        .hasMessageContaining("no exp");
    Rejections.assertRejected(verifierWith(forgedList(issuer + "\"iat\":" + at(Duration.ofDays(-2)) + ",")), token,
        RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("no exp");
  }

  @Test
  void aListIssuedInTheFutureIsRefused() {
    String future = forgedList("\"iss\":\"" + Proofs.ISSUER + "\",\"iat\":" + at(Duration.ofDays(300)) + ",\"exp\":"
        + at(Duration.ofDays(301)) + ",\"ttl\":" + Duration.ofDays(365).getSeconds() + ",");
    Rejections.assertRejected(verifierWith(future), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("in the future");
  }

  @Test
  void aListSignerWithoutAnIssuerIsNotBuilt() {
    assertThatThrownBy(() -> StatusListTokenSigner.builder(key).build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void aListWithAMemberTwiceOrContentAfterItIsRefusedAndNamed() {
    String twice = forgedList("\"iss\":\"" + Proofs.ISSUER + "\",\"iat\":" + at(Duration.ofMinutes(-1)) + ",\"iat\":0,");
    Rejections.assertRejected(verifierWith(twice), token, RejectionReason.STATUS_LIST_INVALID).hasMessageContaining("member iat appears twice");
  }
}
