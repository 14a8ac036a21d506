package dev.openproof.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.testing.MutableClock;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.KeyFiles;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key folder is read again after a rotation; status lists are signed again when they change or age. */
class KeyFolderAndStatusListsTest {
  @TempDir
  Path dir;

  @Test
  void aRotationInTheFolderTakesEffectOnReloadAndKeepsTheOldKeyPublished() throws Exception {
    SigningKeys keys = SigningKeys.open(dir, JwsAlgorithm.ES256, true);
    String first = keys.active().keyId();
    assertThat(keys.reload()).isFalse();

    SigningKey next = SigningKey.generate(JwsAlgorithm.ES256);
    KeyRing rotated = keys.ring().rotate(next);
    Files.delete(dir.resolve(SigningKeys.SIGNING_KEY));
    KeyFiles.writeJwk(dir.resolve(SigningKeys.SIGNING_KEY), next);
    Jwks.write(dir.resolve(SigningKeys.JWKS), rotated.publicJwks());
    Instant later = Instant.now().plusSeconds(5);
    Files.setLastModifiedTime(dir.resolve(SigningKeys.SIGNING_KEY), FileTime.from(later));
    Files.setLastModifiedTime(dir.resolve(SigningKeys.JWKS), FileTime.from(later));

    assertThat(keys.reload()).isTrue();
    assertThat(keys.active().keyId()).isEqualTo(next.keyId());
    assertThat(keys.ring().publicJwks().getKeys()).extracting(k -> k.getKeyID()).containsExactly(next.keyId(), first);
    assertThat(keys.ring().publicJwks().getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
  }

  @Test
  void aFolderWithoutAKeyIsRefusedWhereNoneMayBeGenerated() {
    assertThatThrownBy(() -> SigningKeys.open(dir.resolve("empty"), JwsAlgorithm.ES256, false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("signing-key.jwk");
  }

  @Test
  void aListIsSignedAgainWhenItChangesOrHalfItsTtlHasPassed() {
    SigningKeys keys = SigningKeys.open(dir, JwsAlgorithm.ES256, true);
    InMemoryStatusLists lists = InMemoryStatusLists.create("https://licensing.example.test/status");
    MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    StatusListPublisher publisher = new StatusListPublisher(lists, keys, "https://licensing.example.test",
        Duration.ofHours(1), Duration.ofDays(1), clock);
    ProofId proof = ProofId.of("P-1");
    String uri = lists.allocate(proof).uri();

    StatusListPublisher.Token first = publisher.token(uri).orElseThrow();
    assertThat(publisher.refresh()).isZero();
    assertThat(publisher.token(uri).orElseThrow().token()).isEqualTo(first.token());

    lists.setStatus(proof, ProofStatus.SUSPENDED);
    assertThat(publisher.refresh()).isEqualTo(1);
    assertThat(publisher.token(uri).orElseThrow().token()).isNotEqualTo(first.token());

    clock.advance(Duration.ofMinutes(29));
    assertThat(publisher.refresh()).isZero();
    StatusListPublisher.Token aging = publisher.token(uri).orElseThrow();
    assertThat(aging.remaining(clock.instant())).isEqualTo(Duration.ofMinutes(31));
    clock.advance(Duration.ofMinutes(2));
    assertThat(publisher.refresh()).isEqualTo(1);
    assertThat(publisher.token(uri).orElseThrow().remaining(clock.instant())).isEqualTo(Duration.ofHours(1));
    assertThat(publisher.token("https://licensing.example.test/status/99")).isEmpty();
  }
}
