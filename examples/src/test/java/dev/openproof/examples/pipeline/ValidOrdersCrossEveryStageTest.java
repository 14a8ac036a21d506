package dev.openproof.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.InMemoryInvoicing;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.validation.OrderValidator;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.TlsMode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Whatever validation accepts, the rest of the pipeline carries: generated valid orders run through
 * the real JWS signer, the real mail composer and the JDBC ledger on H2 and PostgreSQL (when
 * {@code scripts/with-postgres.sh} provides one; required under {@code CI=true}), and the proof read
 * back from the ledger verifies. No stage may fail for a reason in the input.
 */
class ValidOrdersCrossEveryStageTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final OrderValidator VALIDATOR = OrderValidator.create();
  private static final SigningKey KEY = SigningKey.generate(JwsAlgorithm.ES256);
  private static final String ISSUER = "https://licensing.example.test";
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final List<JdbcProofLedger> LEDGERS = new ArrayList<>();
  private static final List<String> NAMES = new ArrayList<>();
  private static Path h2Dir;
  private static String pgSchema;

  @BeforeContainer
  static void openLedgers() throws Exception {
    h2Dir = Files.createTempDirectory("openproof-property-h2");
    LEDGERS.add(JdbcProofLedger.h2File(h2Dir));
    NAMES.add("H2");
    String url = System.getenv("OPENPROOF_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true, so PostgreSQL must be given: run under scripts/with-postgres.sh");
      }
      return;
    }
    String user = System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof");
    String password = System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", "");
    pgSchema = "property_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + pgSchema);
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    source.setCurrentSchema(pgSchema);
    JdbcProofLedger pg = JdbcProofLedger.create(source, JdbcProofLedger.Database.POSTGRESQL);
    pg.migrate();
    LEDGERS.add(pg);
    NAMES.add("PostgreSQL");
  }

  @AfterContainer
  static void closeLedgers() throws Exception {
    for (JdbcProofLedger ledger : LEDGERS) {
      ledger.close();
    }
    String url = System.getenv("OPENPROOF_TEST_PG_URL");
    if (pgSchema != null && url != null) {
      try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof"),
          System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", "")); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
      }
    }
  }

  @Property(tries = 60)
  void everyAcceptedOrderIsSignedMailedRecordedAndVerified(@ForAll("validOrders") Order order) {
    assertThat(VALIDATOR.violations(order)).isEmpty();
    SmtpProofDelivery composer = SmtpProofDelivery.create(SmtpSettings.builder().host("127.0.0.1").port(2525)
        .tls(TlsMode.NONE).from("licensing@vendor.example.test", "Licensing").messageIdDomain("proofs.example.test").build());
    List<String> composed = new ArrayList<>();
    ProofDelivery composing = request -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      composer.writeMessage(request, out);
      composed.add(out.toString(StandardCharsets.ISO_8859_1));
      return new DeliveryReceipt(request.deliveryId(), request.proof().proofId(), request.recipient().email(),
          "<" + request.deliveryId().value() + "@proofs.example.test>", NOW);
    };
    ProofVerifier verifier = ProofVerifier.builder().trustedKeys(KeyRing.of(KEY)).expectedIssuer(ISSUER)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    for (int i = 0; i < LEDGERS.size(); i++) {
      ProofLedger ledger = LEDGERS.get(i);
      LicenseFulfillment workflow = LicenseFulfillment.builder()
          .signer(JwsProofSigner.of(KeyRing.of(KEY), ISSUER))
          .delivery(composing)
          .invoicing(InMemoryInvoicing.create())
          .ledger(ledger)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build();
      FulfillmentResult result = workflow.fulfill(order);
      assertThat(result.invoices()).as(NAMES.get(i)).hasSize(2);
      if (result.issuedProof().isPresent()) {
        assertThat(result.deliveryStatus()).as(NAMES.get(i)).contains(DeliveryStatus.DELIVERED);
        ProofRecord kept = ledger.findProof(result.issuedProof().get().proof().proofId()).orElseThrow();
        assertThat(kept.proof()).isEqualTo(result.issuedProof().get().proof());
        assertThat(verifier.verify(kept.signedProof().token()).proof().licenseNumber())
            .isEqualTo(kept.proof().licenseNumber());
      }
      assertThat(workflow.fulfill(order).replayed()).isTrue();
    }
    assertThat(composed).allSatisfy(mail -> assertThat(mail).contains("Message-ID:"));
  }

  @Provide
  Arbitrary<Order> validOrders() {
    Arbitrary<String> names = Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcXYZ äöüß-&.,'()").ofMinLength(1).ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u0400', '\u04ff').ofMinLength(1).ofMaxLength(200),
        Arbitraries.strings().withCharRange('\u4e00', '\u4fff').ofMinLength(1).ofMaxLength(200),
        Arbitraries.of("ООО «Ромашка»", "Müller & Söhne", "😀 Emoji Ltd", "A", "x".repeat(200), "e\u0301cole",
            "שלום בע\"מ", "مؤسسة", "O'Brien \"Quoted\" <Angle>", "=?UTF-8?B?SGk=?=", "a\\b", "  padded  ",
            // what validation must refuse, or the pipeline carry:
            "   ", "\u3000", "Evil\u202E Corp", "x".repeat(201)));
    Arbitrary<String> countries = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.of(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).toArray(String[]::new))),
        Tuple.of(1, Arbitraries.of("ZZ", "EU", "UK", "XK")));
    Arbitrary<String> emails = Combinators.combine(
        Arbitraries.strings().withChars("abcxyz0189.!#$%&'*+/=?^_`{|}~-").ofMinLength(1).ofMaxLength(64)
            .filter(l -> !l.startsWith(".") && !l.endsWith(".") && !l.contains("..")),
        Arbitraries.of("example.test", "xn--80akhbyknj4f.xn--p1ai", "a.b.c.d.example.co.uk", "x-y.example", "EXAMPLE.TEST"))
        .as((local, domain) -> local + "@" + domain);
    emails = Arbitraries.frequencyOf(Tuple.of(9, emails), Tuple.of(1, Arbitraries.of("it@[127.0.0.1]", "\"it dept\"@example.test", "jöhn@example.test",
        "it\u202E@example.test", "it@cusтomer.example", "it@localhost")));
    Arbitrary<Locale> languages = Arbitraries.of("en", "ru", "de", "de-AT", "fr-CA", "es-419", "zh-Hant-TW", "sr-Latn-RS",
        "ja", "pt-BR", "tlh", "x-klingon", "de-DE-1996", "en-GB-oxendict", "de-DE-x-" + "abcdefgh-".repeat(12) + "ab")
        .map(Locale::forLanguageTag);
    Arbitrary<Currency> currencies = Arbitraries.of(Currency.getAvailableCurrencies().toArray(Currency[]::new));
    Arbitrary<Instant> placed = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.longs().between(0L, 253_402_300_799L).map(Instant::ofEpochSecond)),
        Tuple.of(1, Arbitraries.of(Instant.parse("+12020-08-15T10:00:00Z"), Instant.parse("1969-07-20T20:17:00Z"))));
    Arbitrary<BigDecimal> prices = Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999999.9999")).ofScale(4),
        Arbitraries.of(BigDecimal.ZERO, new BigDecimal("999999999999.9999"), new BigDecimal("0.0001")));
    Arbitrary<OrderLine> lines = Combinators.combine(
        Arbitraries.strings().withChars("ABC0129-._").ofMinLength(1).ofMaxLength(64).filter(s -> Character.isLetterOrDigit(s.charAt(0))),
        names, Arbitraries.integers().between(1, 1_000_000), Arbitraries.of(LicenseType.class), prices,
        Arbitraries.of(0, 1, 2))
        .as((sku, product, quantity, type, price, term) -> term == 0
            ? new OrderLine(sku, product, quantity, type, price)
            : new OrderLine(sku, product, quantity, type, price, LocalDate.of(2020, 1, 1),
                term == 1 ? LocalDate.of(9999, 12, 31) : LocalDate.of(2030, 6, 30)));
    Arbitrary<Customer> customers = Combinators.combine(names, countries, emails, languages)
        .as((name, country, email, language) -> new Customer("C-" + IDS.incrementAndGet(), name, country, email, language));
    return Combinators.combine(Arbitraries.of(Program.class), placed, currencies, names, countries, emails, customers,
        lines.list().ofMinSize(1).ofMaxSize(4))
        .as((program, at, currency, name, country, email, customer, orderLines) -> new Order(
            OrderId.of("PROP-" + IDS.incrementAndGet()), program, at, currency, null,
            new Distributor("D-1", name, country, email), new Reseller("R-1", name, country, email), customer, orderLines))
        .filter(o -> VALIDATOR.violations(o).isEmpty());
  }
}
