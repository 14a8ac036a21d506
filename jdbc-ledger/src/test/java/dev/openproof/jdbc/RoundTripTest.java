package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.Invoice;
import dev.openproof.core.model.InvoiceId;
import dev.openproof.core.model.InvoiceLeg;
import dev.openproof.core.model.InvoiceLine;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Money;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.PartyRef;
import dev.openproof.core.model.PhysicalShipment;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Recipient;
import dev.openproof.core.model.Revocation;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.ProofRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Everything recorded comes back as it was, read by another ledger on other connections (so that no
 * cache answers): every field of a proof, amounts to their last digit and scale, failures and receipts.
 */
class RoundTripTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final OrderId ORDER = OrderId.of("OVS-2024-0501-7");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  private static LicenseProof proof() {
    List<Entitlement> entitlements = List.of(
        new Entitlement("KW5-00360", "Windows 10 Enterprise E3", 40, LicenseType.SUBSCRIPTION,
            LocalDate.parse("2024-04-01"), LocalDate.parse("2027-03-31")),
        new Entitlement("T6A-00024", "Exchange Server CAL", 40, LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE,
            LocalDate.parse("2024-04-01"), LocalDate.parse("2026-12-31")),
        new Entitlement("SA-1", "Software Assurance «Plus»", 1, LicenseType.SOFTWARE_ASSURANCE,
            LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31")));
    return new LicenseProof(ProofId.of("3f2a9c0d8e7b6a5f4e3d2c1b0a998877"), LicenseNumber.withCheckDigit("470011223"),
        AuthorizationNumber.of("V4271183AUTH"), Program.OPEN_VALUE_SUBSCRIPTION, ORDER, T0.minusSeconds(86_400),
        new PartyRef("C-880045", "Bäckerei Schäfer KG", "CH"), new PartyRef("R-301", "Müller & Söhne IT", null),
        new PartyRef("D-3", "Beispiel Distribution GmbH", "DE"), entitlements, T0,
        LicenseProof.expiryOf(entitlements).orElseThrow(), new StatusReference(4_000_000_017L, "https://status.example.test/lists/7"));
  }

  private static DeliveryRequest firstDelivery(LicenseProof proof) {
    SignedProof signed = new SignedProof(proof.proofId(), "eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiIzZjJhIn0.c2ln", "ES256", "2024-05-key");
    return new DeliveryRequest(DeliveryId.of("d-1"), DeliveryKind.ORIGINAL, null,
        new Recipient("Bäckerei Schäfer KG", "it@baeckerei-schaefer.example.test", Locale.forLanguageTag("de-CH")), proof, signed);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aProofComesBackWithEveryFieldAndItsRevocation(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger writer = database.newLedger();
      JdbcProofLedger reader = JdbcProofLedger.create(database.newPool(2));
      LicenseProof proof = proof();
      DeliveryRequest first = firstDelivery(proof);
      writer.claimOrder(ORDER, "a", T0, Duration.ofMinutes(5));
      writer.recordProof(proof, first.signedProof(), first, T0);

      ProofRecord read = reader.findProof(proof.proofId()).orElseThrow();
      assertThat(read).isEqualTo(new ProofRecord(proof, first.signedProof(), first.recipient(), null));
      assertThat(read.recipient().language()).isEqualTo(Locale.forLanguageTag("de-CH"));
      assertThat(reader.deliveries(proof.proofId())).containsExactly(DeliveryRecord.pending(first, T0));

      Revocation revocation = new Revocation(proof.proofId(), "order returned on 2024-05-02", T0.plusSeconds(3600));
      writer.recordRevocation(revocation);
      assertThat(JdbcProofLedger.create(database.newPool(1)).findProof(proof.proofId()).orElseThrow().revoked())
          .contains(revocation);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void amountsComeBackToTheLastDigitWithTheirScale(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger writer = database.newLedger();
      writer.claimOrder(ORDER, "a", T0, Duration.ofMinutes(5));
      PartyRef vendor = new PartyRef("VENDOR", "Software Vendor", null);
      PartyRef distributor = new PartyRef("D-3", "Beispiel Distribution GmbH", "DE");
      PartyRef reseller = new PartyRef("R-301", "Müller & Söhne IT", "DE");
      Invoice euros = new Invoice(InvoiceId.of("VD-1"), InvoiceLeg.VENDOR_TO_DISTRIBUTOR, ORDER, vendor, distributor,
          List.of(
              new InvoiceLine("KW5-00360", "Windows 10 Enterprise E3", 40, new BigDecimal("7.1000"), money("284.00", EUR)),
              new InvoiceLine("T6A-00024", "Exchange Server CAL", 3, new BigDecimal("96.2525"), money("288.76", EUR))),
          money("572.76", EUR), T0);
      Invoice yen = new Invoice(InvoiceId.of("DR-1"), InvoiceLeg.DISTRIBUTOR_TO_RESELLER, ORDER, distributor, reseller,
          List.of(new InvoiceLine("KW5-00360", "Windows 10 Enterprise E3", 2, new BigDecimal("1500.5"), money("3001", JPY))),
          money("3001", JPY), T0.plusSeconds(1));
      writer.recordInvoice(yen);
      writer.recordInvoice(euros);

      List<Invoice> read = JdbcProofLedger.create(database.newPool(1)).findOrder(ORDER).orElseThrow().invoices();
      assertThat(read).containsExactly(euros, yen);
      assertThat(read.get(0).lines().get(0).unitPrice().toString()).isEqualTo("7.1000");
      assertThat(read.get(1).total().amount().toString()).isEqualTo("3001");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void aShipmentComesBackWithItsEntitlements(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger writer = database.newLedger();
      writer.claimOrder(ORDER, "a", T0, Duration.ofMinutes(5));
      PhysicalShipment shipment = new PhysicalShipment(ORDER, new PartyRef("D-2", "Northwind Distribution", "US"),
          List.of(new Entitlement("79P-05552", "Project Standard 2019", 3, LicenseType.LICENSE, null, null)), T0);
      writer.recordShipment(shipment);
      assertThat(JdbcProofLedger.create(database.newPool(1)).findOrder(ORDER).orElseThrow().physicalShipment())
          .contains(shipment);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void failuresAndReceiptsComeBackAndALongFailureMessageIsCut(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger writer = database.newLedger();
      LicenseProof proof = proof();
      DeliveryRequest first = firstDelivery(proof);
      writer.claimOrder(ORDER, "a", T0, Duration.ofMinutes(5));
      writer.recordProof(proof, first.signedProof(), first, T0);
      String longMessage = "timeout after DATA: ".repeat(300);
      DeliveryFailure failure = new DeliveryFailure(FailureKind.UNKNOWN, 0, longMessage, T0.plusSeconds(1));
      writer.recordDeliveryFailure(first.deliveryId(), failure, T0.plusSeconds(61));

      DeliveryRecord failed = JdbcProofLedger.create(database.newPool(1)).findDelivery(first.deliveryId()).orElseThrow();
      assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(failed.nextAttemptAt()).isEqualTo(T0.plusSeconds(61));
      assertThat(failed.deliveryFailure()).contains(new DeliveryFailure(FailureKind.UNKNOWN, 0,
          longMessage.substring(0, DeliveryTable.MAX_MESSAGE), T0.plusSeconds(1)));

      DeliveryReceipt receipt = new DeliveryReceipt(first.deliveryId(), proof.proofId(), "it@baeckerei-schaefer.example.test",
          "<d-1@openproof.test>", T0.plusSeconds(62));
      writer.recordDelivered(receipt);
      DeliveryRecord delivered = JdbcProofLedger.create(database.newPool(1)).findDelivery(first.deliveryId()).orElseThrow();
      assertThat(delivered).isEqualTo(new DeliveryRecord(first, DeliveryStatus.DELIVERED, 2, null, receipt, failed.lastFailure()));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void instantsAreKeptToTheMicrosecond(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger writer = database.newLedger();
      writer.claimOrder(ORDER, "a", T0, Duration.ofMinutes(5));
      Instant precise = Instant.parse("2024-05-01T10:00:00.123456789Z");
      PhysicalShipment shipment = new PhysicalShipment(ORDER, new PartyRef("D-2", "Northwind", "US"), List.of(), precise);
      writer.recordShipment(shipment);
      assertThat(writer.findOrder(ORDER).orElseThrow().physicalShipment().orElseThrow().recordedAt())
          .isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void whatTheWritingLedgerRemembersOfAProofIsWhatAnotherReads(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      JdbcProofLedger writer = database.newLedger();
      LicenseProof precise = new LicenseProof(proof().proofId(), proof().licenseNumber(), proof().authorizationNumber(),
          proof().program(), ORDER, Instant.parse("2024-04-30T10:00:00.987654321Z"), proof().customer(), proof().reseller(),
          proof().distributor(), proof().entitlements(), Instant.parse("2024-05-01T10:00:00.123456789Z"), null, null);
      DeliveryRequest first = firstDelivery(precise);
      writer.claimOrder(ORDER, "a", T0, Duration.ofMinutes(5));
      writer.recordProof(precise, first.signedProof(), first, T0);

      ProofRecord remembered = writer.findProof(precise.proofId()).orElseThrow();
      ProofRecord read = JdbcProofLedger.create(database.newPool(1)).findProof(precise.proofId()).orElseThrow();
      assertThat(remembered).isEqualTo(read);
      assertThat(read.proof().issuedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
      assertThat(writer.deliveries(precise.proofId())).isEqualTo(JdbcProofLedger.create(database.newPool(1)).deliveries(precise.proofId()));
    }
  }

  private static Money money(String amount, Currency currency) {
    return new Money(new BigDecimal(amount), currency);
  }
}
