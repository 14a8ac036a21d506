package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The signer's exact layout read in straight-line code ({@link SignerForm}): the signer's claims sets
 * take it, and for any bytes the streaming reader answers exactly what its general path answers (the
 * same proof, or {@code null} and the tree's verdict with its reason), whether the layout path took
 * them or fell back at the first byte that departs.
 */
class SignerFormDecidesAsTheGeneralPathTest {
  private static final byte[] ISSUER = Proofs.ISSUER.getBytes(StandardCharsets.UTF_8);
  /** Every optional member of the layout: exp, replaces, status, country, a term's dates, two entitlements. */
  private static final LicenseProof FULL = full();
  private static final byte[] CLAIMS = ClaimsWriter.bytes(FULL, Proofs.ISSUER);

  private static LicenseProof full() {
    LicenseProof term = Proofs.withTerm();
    List<Entitlement> entitlements = new ArrayList<>(term.entitlements());
    entitlements.add(new Entitlement("SKU-2", "Zweites Produkt \u00e4\u20ac", 3,
        dev.openproof.core.model.LicenseType.SUBSCRIPTION, java.time.LocalDate.of(2021, 3, 1), null));
    return new LicenseProof(ProofId.of("P-FULL-2"), term.licenseNumber(), term.authorizationNumber(), term.program(),
        term.orderId(), Instant.parse("2021-03-01T09:30:15.123456Z"), term.customer(), term.reseller(),
        new PartyRef(term.distributor().id(), term.distributor().name(), null), entitlements, term.issuedAt(),
        term.expiresAt(), new StatusReference(42, "https://licensing.example.test/status/3"), ProofId.of("P-OLD-1"));
  }

  /** Asserts the reader answers what its general path answers; 1 when the layout path read the bytes itself. */
  private static int assertSameAsGeneral(byte[] json) {
    LicenseProof general = ClaimsStream.general(json, Proofs.ISSUER);
    LicenseProof layout = SignerForm.read(json, ISSUER);
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(ClaimsStream.read(json, Proofs.ISSUER)).as(text).isEqualTo(general);
    if (layout != null) {
      assertThat(general).as(text).isNotNull().isEqualTo(layout);
      return 1;
    }
    return 0;
  }

  @Test
  void theSignersClaimsSetsTakeTheLayoutPath() {
    LicenseProof replacement = Proofs.perpetual().replacedBy(ProofId.of("P-NEW-1"), LicenseNumber.withCheckDigit("555000111"),
        Proofs.perpetual().authorizationNumber(), Proofs.perpetual().customer(), Proofs.perpetual().entitlements(),
        Proofs.ISSUED);
    for (LicenseProof proof : List.of(FULL, Proofs.perpetual(), Proofs.withTerm(), replacement,
        Proofs.perpetual().withStatus(new StatusReference(0, "u")))) {
      byte[] json = ClaimsWriter.bytes(proof, Proofs.ISSUER);
      assertThat(SignerForm.read(json, ISSUER)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(proof);
      assertThat(ClaimsStream.general(json, Proofs.ISSUER)).isEqualTo(proof);
    }
  }

  @Test
  void aTextTheSignerEscapesOrAnotherIssuerFallsBackToTheGeneralPath() {
    LicenseProof quoted = FULL.withStatus(new StatusReference(1, "https://licensing.example.test/\"1\""));
    byte[] json = ClaimsWriter.bytes(quoted, Proofs.ISSUER);
    assertThat(SignerForm.read(json, ISSUER)).isNull();
    assertThat(ClaimsStream.read(json, Proofs.ISSUER)).isEqualTo(quoted);

    assertThat(SignerForm.read(CLAIMS, "https://other.example.test".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(SignerForm.read(CLAIMS, ISSUER)).isEqualTo(FULL);
    // An issuer the signer would escape is never compared as raw bytes.
    String odd = "https://licensing.example.test\"";
    byte[] oddClaims = ClaimsWriter.bytes(FULL, odd);
    assertThat(ClaimsStream.read(oddClaims, odd)).isEqualTo(FULL);
    assertThat(ClaimsStream.read(oddClaims, Proofs.ISSUER)).isNull();
  }

  /**
   * Every position of the layout, one byte at a time: replaced by a structural character, a letter, a
   * digit, a backslash or a byte above 127, dropped, or a space put before it. The layout path reads
   * letter-for-letter edits within texts itself and leaves the rest to the general path.
   */
  @Test
  void aByteChangedDroppedOrSpacedAtAnyPositionIsAnsweredAsByTheGeneralPath() {
    byte[] replacements = {' ', ',', '"', ':', '{', '}', '[', ']', 'x', 'A', '0', '9', '-', 'T', 'Z', '.', '\\', 0x7f,
        0x1f, (byte) 0x80, (byte) 0xd0, (byte) 0xff};
    int byLayout = 0;
    for (int at = 0; at < CLAIMS.length; at++) {
      for (byte replacement : replacements) {
        byLayout += assertSameAsGeneral(ByteEdits.replaced(CLAIMS, at, replacement));
      }
      byLayout += assertSameAsGeneral(ByteEdits.dropped(CLAIMS, at, 1));
      byLayout += assertSameAsGeneral(ByteEdits.inserted(CLAIMS, at, (byte) ' '));
    }
    assertThat(byLayout).isGreaterThan(CLAIMS.length / 4);
  }

  @Property(tries = 3000)
  void anEditedClaimsSetIsAnsweredAsByTheGeneralPath(@ForAll("edits") byte[] edited) {
    assertSameAsGeneral(edited);
  }

  /** The signer's bytes of a proof whose reseller's name and first SKU are the given texts, when the records take them. */
  @Property(tries = 2000)
  void anyNameOrIdentifierTheSignerWritesIsReadAsByTheGeneralPath(@ForAll("texts") String name, @ForAll("texts") String sku) {
    LicenseProof proof;
    try {
      List<Entitlement> entitlements = new ArrayList<>(FULL.entitlements());
      Entitlement first = entitlements.get(0);
      entitlements.set(0, new Entitlement(sku, first.product(), first.quantity(), first.type(), first.starts(), first.ends()));
      proof = new LicenseProof(FULL.proofId(), FULL.licenseNumber(), FULL.authorizationNumber(), FULL.program(),
          FULL.orderId(), FULL.orderedAt(), FULL.customer(), new PartyRef(FULL.reseller().id(), name, "DE"),
          FULL.distributor(), entitlements, FULL.issuedAt(), FULL.expiresAt(), FULL.status(), FULL.replaces());
    } catch (IllegalArgumentException blank) {
      return;
    }
    byte[] json;
    try {
      json = ClaimsWriter.bytes(proof, Proofs.ISSUER);
    } catch (RuntimeException lone) {
      return; // what Jackson cannot write, the signer does not write
    }
    assertSameAsGeneral(json);
    if ((name + sku).codePoints().noneMatch(c -> c >= 0xd800 && c <= 0xdfff)) { // a lone one is left to the tree
      boolean valid = ClaimsRules.isPlainText(name) && ClaimsRules.isIdentifier(sku);
      assertThat(ClaimsStream.read(json, Proofs.ISSUER)).as("%s / %s", name, sku).isEqualTo(valid ? proof : null);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return new ClaimsStreamAgreesWithTheTreeTest().texts();
  }

  @Provide
  Arbitrary<byte[]> edits() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, CLAIMS.length - 1);
    Arbitrary<String> fragment = Arbitraries.of("1", "0", "-1", "1.0", "1e0", "99999999999999999999", "\"\"", "\"x\"", "null",
        "{}", "[]", ",", ":", "\"iss\":\"a\",", "\"aud\":\"a\",", "\"nbf\":0,", "\"exp\":1,", "\"exp\":99999999999,",
        "\\u0041", "\\n", "\u007f", "Z", "z", "t", "+02:00", ".5", ".1234567891", "2024-02-30", " ", "\u0416",
        ",{\"sku\":\"X\",\"product\":\"Y\",\"quantity\":1,\"type\":\"LICENSE\"}");
    Arbitrary<byte[]> inserted = Combinators.combine(position, fragment)
        .as((at, text) -> ByteEdits.inserted(CLAIMS, at, text.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<byte[]> removed = Combinators.combine(position, Arbitraries.integers().between(1, 12))
        .as((at, n) -> ByteEdits.dropped(CLAIMS, at, n));
    Arbitrary<byte[]> replaced = Combinators.combine(position, Arbitraries.bytes()).as((at, b) -> ByteEdits.replaced(CLAIMS, at, b));
    return Arbitraries.oneOf(inserted, removed, replaced);
  }
}
