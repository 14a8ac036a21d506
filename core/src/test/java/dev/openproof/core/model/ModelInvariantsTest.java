package dev.openproof.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.testing.SampleProofs;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelInvariantsTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void aLicenseNumberCarriesItsLuhnCheckDigit() {
    assertThat(LicenseNumber.withCheckDigit("7992739871").value()).isEqualTo("79927398713");
    assertThat(LicenseNumber.parse("79927398713").hasValidCheckDigit()).isTrue();
    assertThatThrownBy(() -> LicenseNumber.parse("79927398710"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check digit");
    assertThatThrownBy(() -> LicenseNumber.withCheckDigit("12a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LicenseNumber("7")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everySingleDigitTypoIsCaughtByTheCheckDigit() {
    LicenseNumber number = LicenseNumber.withCheckDigit("123456789");
    char[] digits = number.value().toCharArray();
    for (int i = 0; i < digits.length; i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != digits[i]) {
          char[] typo = digits.clone();
          typo[i] = d;
          assertThat(new LicenseNumber(new String(typo)).hasValidCheckDigit()).as(new String(typo)).isFalse();
        }
      }
    }
  }

  @Test
  void idsMustNotBeBlank() {
    assertThatThrownBy(() -> OrderId.of(" ")).isInstanceOf(IllegalArgumentException.class).hasMessage("orderId must not be blank");
    assertThatThrownBy(() -> ProofId.of(null)).isInstanceOf(NullPointerException.class).hasMessage("proofId");
  }

  @Test
  void moneyRoundsHalfEvenToTheCurrencysMinorUnit() {
    assertThat(new Money(new BigDecimal("2.345"), Currency.getInstance("EUR")).roundedToMinorUnit().amount())
        .isEqualByComparingTo("2.34");
    assertThat(new Money(new BigDecimal("2.355"), Currency.getInstance("EUR")).roundedToMinorUnit().amount())
        .isEqualByComparingTo("2.36");
    assertThat(new Money(new BigDecimal("1234.5"), Currency.getInstance("JPY")).roundedToMinorUnit().toString())
        .isEqualTo("1234 JPY");
    assertThatThrownBy(() -> Money.zero(Currency.getInstance("EUR")).plus(Money.zero(Currency.getInstance("USD"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInvoiceTotalMustBeTheSumOfItsLines() {
    Currency eur = Currency.getInstance("EUR");
    InvoiceLine line = new InvoiceLine("S", "P", 2, new BigDecimal("1.50"), new Money(new BigDecimal("3.00"), eur));
    PartyRef a = new PartyRef("A", "A", "DE");
    assertThatThrownBy(() -> new Invoice(InvoiceId.of("I"), InvoiceLeg.VENDOR_TO_DISTRIBUTOR, OrderId.of("O"), a, a,
        List.of(line), new Money(new BigDecimal("3.01"), eur), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the sum");
    assertThat(new Invoice(InvoiceId.of("I"), InvoiceLeg.VENDOR_TO_DISTRIBUTOR, OrderId.of("O"), a, a,
        List.of(line), new Money(new BigDecimal("3.00"), eur), T0).total().amount()).isEqualByComparingTo("3");
  }

  @Test
  void aProofExpiresOnlyWhenEveryEntitlementEnds() {
    Entitlement perpetual = new Entitlement("A", "A", 1, LicenseType.LICENSE, null, null);
    Entitlement term = new Entitlement("B", "B", 1, LicenseType.SUBSCRIPTION, LocalDate.parse("2021-04-01"), LocalDate.parse("2024-03-31"));
    Entitlement shorter = new Entitlement("C", "C", 1, LicenseType.SUBSCRIPTION, null, LocalDate.parse("2022-01-31"));
    assertThat(LicenseProof.expiryOf(List.of(perpetual, term))).isEmpty();
    assertThat(LicenseProof.expiryOf(List.of(term, shorter))).contains(Instant.parse("2024-04-01T00:00:00Z"));
  }

  @Test
  void anEntitlementsTermMustBeInOrder() {
    assertThatThrownBy(() -> new Entitlement("B", "B", 1, LicenseType.SUBSCRIPTION,
        LocalDate.parse("2024-04-01"), LocalDate.parse("2024-03-31")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it starts");
    assertThatThrownBy(() -> new Entitlement("B", "B", 0, LicenseType.LICENSE, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProofNeedsEntitlementsAndAnExpiryAfterIssue() {
    LicenseProof proof = SampleProofs.proof(SampleOrders.russian(), "p1", T0);
    assertThatThrownBy(() -> new LicenseProof(proof.proofId(), proof.licenseNumber(), proof.authorizationNumber(),
        proof.program(), proof.orderId(), proof.orderedAt(), proof.customer(), proof.reseller(), proof.distributor(),
        List.of(), T0, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LicenseProof(proof.proofId(), proof.licenseNumber(), proof.authorizationNumber(),
        proof.program(), proof.orderId(), proof.orderedAt(), proof.customer(), proof.reseller(), proof.distributor(),
        proof.entitlements(), T0, T0, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expires");
    assertThat(proof.withStatus(new StatusReference(7, "https://x.example/status/1")).statusReference())
        .get().extracting(StatusReference::index).isEqualTo(7L);
  }

  @Test
  void aResendAndOnlyAResendNamesItsOriginal() {
    DeliveryRequest first = SampleProofs.firstDelivery(SampleOrders.russian(), SampleProofs.proof(SampleOrders.russian(), "p1", T0), "d1");
    assertThat(first.original()).isEmpty();
    assertThatThrownBy(() -> new DeliveryRequest(DeliveryId.of("d2"), DeliveryKind.RESEND, null, first.recipient(),
        first.proof(), first.signedProof())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryRequest(DeliveryId.of("d2"), DeliveryKind.ORIGINAL, DeliveryId.of("d1"),
        first.recipient(), first.proof(), first.signedProof())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSignedProofIsThreeParts() {
    assertThatThrownBy(() -> new SignedProof(ProofId.of("p"), "a.b", "ES256", "k"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three parts");
  }

  @Test
  void ordersCopyTheirLines() {
    Order order = SampleOrders.russian();
    assertThatThrownBy(() -> order.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(order.existingAuthorization()).isEmpty();
    assertThat(SampleOrders.germanSubscription().existingAuthorization()).contains(AuthorizationNumber.of("V4271183AUTH"));
  }

  @Test
  void aProofOfAnOrderIsIssuedInWholeSecondsAsTheTokenCarriesIt() {
    LicenseProof proof = LicenseProof.of(dev.openproof.core.testing.SampleOrders.russian(), ProofId.of("p"),
        LicenseNumber.withCheckDigit("1"), AuthorizationNumber.of("A1"), Instant.parse("2024-05-01T10:00:00.987654321Z"));
    assertThat(proof.issuedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    assertThat(proof.entitlements()).hasSize(2);
    assertThat(proof.customer().id()).isEqualTo("C-100234");
  }
}
