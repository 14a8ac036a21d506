package dev.openproof.examples;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.memory.InMemoryProofLedger;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.validation.CustomerBuilder;
import dev.openproof.core.validation.OrderBuilder;
import dev.openproof.core.validation.PartyBuilder;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.VerifiedProof;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.TlsMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The embedding example of the README, compiled and run by the build so that it cannot rot: a host
 * fulfills an order with its own key and mail server, and a partner verifies the proof.
 *
 * @since 0.1.0
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /**
   * Builds an order as the host's ordering system hands it over: a perpetual line and a term line.
   *
   * @return the order
   * @throws dev.openproof.core.validation.InvalidOrderException naming every missing or invalid part
   */
  public static Order order() {
    // README:order:begin
    Order order = OrderBuilder.create()
        .id("ACME-1")
        .program(Program.OPEN_LICENSE)
        .placedAt(Instant.parse("2026-11-30T09:00:00Z"))
        .currency("EUR")
        .distributor(PartyBuilder.distributor()
            .id("D-1").name("Example Distribution").country("DE").email("billing@distribution.example"))
        .reseller(PartyBuilder.reseller()
            .id("R-7").name("Example Reseller").country("DE").email("orders@reseller.example"))
        .customer(CustomerBuilder.create()
            .id("C-1").name("Acme GmbH").country("DE").email("it@acme.example").language(Locale.GERMAN))
        .line(OrderLine.perpetual("021-10609", "Office Standard 2019", 25, LicenseType.LICENSE,
            new BigDecimal("310.00")))
        .line(OrderLine.term("6VC-01252", "Windows Server CAL (Software Assurance)", 25,
            LicenseType.SOFTWARE_ASSURANCE, new BigDecimal("12.50"),
            LocalDate.parse("2026-12-01"), LocalDate.parse("2029-11-30")))
        .build(); // or InvalidOrderException naming every missing or invalid part
    // README:order:end
    return order;
  }

  /**
   * Fulfills an order: both invoices, a signed proof, and the mail to the customer.
   *
   * @param order the order, from the host's ordering system
   * @param key the issuer's signing key
   * @param smtpHost the mail server's host
   * @param smtpPort its port
   * @return what was done
   */
  public static FulfillmentResult fulfill(Order order, SigningKey key, String smtpHost, int smtpPort) {
    // README:fulfill:begin
    LicenseFulfillment fulfillment = LicenseFulfillment.builder()
        .signer(JwsProofSigner.of(key, "https://licensing.example.com"))
        .delivery(SmtpProofDelivery.create(SmtpSettings.builder()
            .host(smtpHost)
            .port(smtpPort)
            .tls(TlsMode.NONE) // STARTTLS_REQUIRED by default
            .from("licensing@example.com", "Licensing Operations")
            .build()))
        .ledger(InMemoryProofLedger.create()) // a JdbcProofLedger where a restart must lose nothing
        .build(); // in-memory invoicing unless you plug in your own
    FulfillmentResult result = fulfillment.fulfill(order); // idempotent by order id
    // README:fulfill:end
    return result;
  }

  /**
   * Verifies a proof as a partner does, with the issuer's public keys.
   *
   * @param token the compact JWS the customer received
   * @param issuerKeys the issuer's keys; a partner has only the public JWK Set
   * @return the verified proof
   * @throws dev.openproof.jwt.ProofVerificationException if it is not a valid proof
   */
  public static VerifiedProof verify(String token, KeyRing issuerKeys) {
    // README:verify:begin
    ProofVerifier verifier = ProofVerifier.builder()
        .trustedKeys(issuerKeys.publicJwks()) // or a jwks.json file, or the issuer's JWKS URL
        .expectedIssuer("https://licensing.example.com")
        .build(); // build once, share: thread-safe
    VerifiedProof proof = verifier.verify(token); // or ProofVerificationException with reasonCode()
    // README:verify:end
    return proof;
  }
}
