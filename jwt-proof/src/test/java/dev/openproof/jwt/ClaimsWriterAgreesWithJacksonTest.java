package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The signer writes a claims set without Jackson's generator when its texts are plain; the bytes must
 * be the generator's and the tree's, byte for byte, whatever the texts hold (quotes, backslashes,
 * letters beyond ASCII, controls, surrogates, alone or paired).
 */
class ClaimsWriterAgreesWithJacksonTest {
  private static void assertSameBytes(LicenseProof proof, String issuer) throws Exception {
    byte[] generated;
    try {
      generated = ClaimsWriter.generated(proof, issuer);
    } catch (RuntimeException e) {
      // What Jackson cannot write (a lone surrogate) is not written directly either.
      assertThatThrownBy(() -> ClaimsWriter.bytes(proof, issuer)).isInstanceOf(e.getClass());
      return;
    }
    byte[] bytes = ClaimsWriter.bytes(proof, issuer);
    assertThat(bytes).as(new String(generated, StandardCharsets.UTF_8)).isEqualTo(generated)
        .isEqualTo(Json.MAPPER.writeValueAsBytes(ClaimsWriter.write(proof, issuer)));
  }

  private static LicenseProof withTexts(String name, String product, String uri) {
    LicenseProof base = Proofs.withTerm();
    Entitlement first = base.entitlements().get(0);
    List<Entitlement> entitlements = List.of(new Entitlement(first.sku(), product, 3, first.type(), first.starts(),
        first.ends()), first);
    PartyRef reseller = new PartyRef(base.reseller().id(), name, null);
    PartyRef customer = new PartyRef(base.customer().id(), product, "DE");
    return new LicenseProof(base.proofId(), base.licenseNumber(), base.authorizationNumber(), base.program(),
        base.orderId(), base.orderedAt(), customer, reseller, base.distributor(), entitlements, base.issuedAt(),
        base.expiresAt(), new StatusReference(42, uri), ProofId.of("P-OLD-" + name.length()));
  }

  @Property(tries = 3000)
  void anyTextsAreWrittenAsJacksonWritesThem(@ForAll("texts") String name, @ForAll("texts") String product,
      @ForAll("texts") String uri, @ForAll("texts") String issuer) throws Exception {
    assertSameBytes(withTexts("n" + name, "p" + product, "u" + uri), "i" + issuer);
  }

  @Test
  void theSampleProofsAreWrittenDirectlyAndAsJacksonWritesThem() throws Exception {
    LicenseProof replacing = Proofs.perpetual().replacedBy(ProofId.of("P-NEW-1"), LicenseNumber.withCheckDigit("555000111"),
        Proofs.perpetual().authorizationNumber(), Proofs.perpetual().customer(), Proofs.perpetual().entitlements(),
        Proofs.ISSUED);
    for (LicenseProof proof : List.of(Proofs.perpetual(), Proofs.withTerm(), replacing,
        withTexts("ООО \"Ромашка\" \\ 1", "Office 2019 ™", "https://status.example.test/1"))) {
      assertSameBytes(proof, Proofs.ISSUER);
      assertThat(ClaimsStream.read(ClaimsWriter.bytes(proof, Proofs.ISSUER), Proofs.ISSUER)).isEqualTo(proof);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("Aa0 \"\\/\u007f\u0080\u00e9\u07ff\u0800\u0416\u2028\ufffd\uffff").ofMaxLength(40),
        Arbitraries.strings().withChars("a\u0000\u001f\n\t\b\f\r\ud83d\ude00\udbff\udc00").ofMaxLength(20),
        Arbitraries.strings().ofMaxLength(30));
  }
}
