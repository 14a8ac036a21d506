package dev.openproof.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.certificate.ProofCertificate;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.port.ProofAttachments;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.core.port.StatusLists;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.SupportDirectory;
import dev.openproof.mail.TlsMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration, in contexts of its own: embedded defaults, each property, the application's own beans. */
class OpenProofAutoConfigurationTest {
  private static final AtomicInteger ORDERS = new AtomicInteger();

  @TempDir
  Path dir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OpenProofSandboxAutoConfiguration.class, OpenProofAutoConfiguration.class,
            OpenProofMetricsAutoConfiguration.class, OpenProofHealthAutoConfiguration.class))
        .withPropertyValues("openproof.dir=" + dir);
  }

  private static FulfillmentResult fulfillOne(OpenProofOperations operations) {
    return operations.fulfill(SampleOrders.numbered(ORDERS.incrementAndGet()));
  }

  @Test
  void theCertificateIsAttachedWhereTheModuleIsPresentAndNotDisabled() {
    runner().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ProofCertificate.class).hasSingleBean(ProofAttachments.class);
      // The default site (http://localhost:8080) is no https address, so the QR code opens the issuer's page.
      assertThat(context.getBean(ProofCertificate.class).toString()).contains("site=https://licensing.example.test");
    });
    runner().withPropertyValues("openproof.site-url=https://licensing.vendor.example.test/").run(context ->
        assertThat(context.getBean(ProofCertificate.class).toString()).contains("site=https://licensing.vendor.example.test/"));
    runner().withPropertyValues("openproof.certificate.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(ProofCertificate.class).doesNotHaveBean(ProofAttachments.class));
    runner().withClassLoader(new FilteredClassLoader(ProofCertificate.class)).run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(ProofAttachments.class).hasSingleBean(ProofDelivery.class));
    runner().withPropertyValues("openproof.issuer=http://licensing.example.test").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("openproof.site-url")
            .hasMessageContaining("openproof.certificate.enabled=false"));
  }

  @Test
  void withNothingSetItRunsOnEmbeddedDefaults() {
    runner().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(LicenseFulfillment.class).hasSingleBean(SmtpSandbox.class);
      assertThat(context.getBean(ProofLedger.class)).isInstanceOf(JdbcProofLedger.class);
      assertThat(dir.resolve("ledger").resolve("openproof-ledger.mv.db")).exists();
      assertThat(dir.resolve("keys").resolve(SigningKeys.SIGNING_KEY)).exists();
      assertThat(context.getBean(SigningKeys.class).active().algorithm()).isEqualTo(JwsAlgorithm.ES256);
      FulfillmentResult result = fulfillOne(context.getBean(OpenProofOperations.class));
      assertThat(result.deliveryStatus()).hasValue(DeliveryStatus.DELIVERED);
      assertThat(result.issuedProof().orElseThrow().proof().statusReference().orElseThrow().uri())
          .startsWith("http://localhost:8080/status/");
      assertThat(context.getBean(SmtpSandbox.class).drain()).isEqualTo(1);
      try (Stream<Path> mails = Files.list(dir.resolve("outbox"))) {
        assertThat(mails.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(1);
      }
      assertThat(context.getBean(OpenProofScheduler.class).tasks()).extracting(OpenProofTask::name)
          .contains("redelivery", "key folder reload", "status list publishing", "sandbox outbox");
      for (String name : new String[] {"openproofLedgerHealthIndicator", "openproofSmtpHealthIndicator",
          "openproofSigningKeyHealthIndicator"}) {
        assertThat(context.getBean(name, HealthIndicator.class).health().getStatus()).as(name).isEqualTo(Status.UP);
      }
    });
  }

  @Test
  void eachPropertyChangesWhatItSays() throws IOException {
    Path keys = Files.createDirectories(dir.resolve("elsewhere"));
    runner().withPropertyValues(
            "openproof.issuer=https://licensing.vendor.example.test",
            "openproof.site-url=https://proofs.vendor.example.test/",
            "openproof.keys.dir=" + keys,
            "openproof.keys.algorithm=EDDSA",
            "openproof.delivery.defer=true",
            "openproof.delivery.redeliver-interval=7s",
            "openproof.smtp.from=proofs@vendor.example.test",
            "openproof.support.regions.emea.name=ROC Europe",
            "openproof.support.regions.emea.email=roc-emea@vendor.example.test",
            "openproof.support.regions.apac.name=ROC Asia",
            "openproof.support.regions.apac.email=roc-apac@vendor.example.test",
            "openproof.support.regions.apac.countries=JP,SG",
            "openproof.support.fallback=emea")
        .run(context -> {
          assertThat(context).hasNotFailed();
          SigningKeys signingKeys = context.getBean(SigningKeys.class);
          assertThat(signingKeys.dir()).isEqualTo(keys);
          assertThat(signingKeys.active().algorithm()).isEqualTo(JwsAlgorithm.EDDSA);
          FulfillmentResult result = fulfillOne(context.getBean(OpenProofOperations.class));
          assertThat(result.deliveryStatus()).hasValue(DeliveryStatus.PENDING);
          String token = result.issuedProof().orElseThrow().signedProof().token();
          assertThat(payload(token)).contains("\"iss\":\"https://licensing.vendor.example.test\"");
          assertThat(result.issuedProof().orElseThrow().proof().statusReference().orElseThrow().uri())
              .startsWith("https://proofs.vendor.example.test/status/");
          SmtpSettings smtp = context.getBean(SmtpSettings.class);
          assertThat(smtp.from().getAddress()).isEqualTo("proofs@vendor.example.test");
          assertThat(smtp.messageIdDomain()).isEqualTo("proofs.vendor.example.test");
          assertThat(smtp.jwksUri()).hasValueSatisfying(u ->
              assertThat(u.toString()).isEqualTo("https://proofs.vendor.example.test/.well-known/jwks.json"));
          SupportDirectory support = context.getBean(SupportDirectory.class);
          assertThat(support.contactFor("JP").name()).isEqualTo("ROC Asia");
          assertThat(support.contactFor("RU").name()).isEqualTo("ROC Europe");
          assertThat(context.getBean(OpenProofScheduler.class).tasks())
              .filteredOn(t -> t.name().equals("redelivery")).extracting(OpenProofTask::interval)
              .containsExactly(Duration.ofSeconds(7));
          assertThat(context.getBean(OpenProofOperations.class).redeliverPending().delivered()).isEqualTo(1);
        });
  }

  @Test
  void anSmtpHostReplacesTheSandboxAndStatusListsCanBeTurnedOff() {
    runner().withPropertyValues("openproof.smtp.host=mail.vendor.example.test", "openproof.smtp.port=2525",
            "openproof.smtp.tls=IMPLICIT", "openproof.smtp.username=proofs", "openproof.smtp.password=s3cret",
            "openproof.status.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(SmtpSandbox.class).doesNotHaveBean(StatusLists.class)
              .doesNotHaveBean(StatusListPublisher.class);
          SmtpSettings smtp = context.getBean(SmtpSettings.class);
          assertThat(smtp.host()).isEqualTo("mail.vendor.example.test");
          assertThat(smtp.port()).isEqualTo(2525);
          assertThat(smtp.tls()).isEqualTo(TlsMode.IMPLICIT);
          assertThat(smtp.username()).hasValue("proofs");
          assertThat(smtp.toString()).doesNotContain("s3cret");
          assertThat(context.getBean(OpenProofProperties.class).getSmtp().toString()).doesNotContain("s3cret");
        });
  }

  @Test
  void badConfigurationFailsAtStartUpNamingTheProperty() {
    String[][] cases = {
        // Rules of the properties themselves: Boot names the object (openproof) and the field.
        {"openproof.issuer=not a url", "on field 'issuer'"},
        {"openproof.smtp.port=70000", "on field 'smtp.port'"},
        {"openproof.smtp.from=nobody", "on field 'smtp.from'"},
        {"openproof.delivery.batch-size=0", "on field 'delivery.batchSize'"},
        {"openproof.support.regions.emea.email=roc", "on field 'support.regions[emea].email'"},
        // Rules checked as the beans are made: the property by its full name.
        {"openproof.delivery.lease=0s", "openproof.delivery.lease"},
        {"openproof.keys.generate=false", "openproof.keys.dir"},
        {"openproof.smtp.username=proofs", "openproof.smtp.password"},
    };
    for (String[] c : cases) {
      ApplicationContextRunner r = runner().withPropertyValues(c[0]);
      if (c[1].equals("openproof.smtp.password")) {
        r = r.withPropertyValues("openproof.smtp.host=mail.vendor.example.test");
      }
      if (c[1].equals("openproof.keys.dir")) {
        r = r.withPropertyValues("openproof.keys.dir=" + dir.resolve("no-keys"));
      }
      r.run(context -> assertThat(context).as(c[0]).hasFailed().getFailure()
          .satisfies(failure -> assertThat(messages(failure)).as(c[0]).contains(c[1])));
    }
  }

  @Test
  void theApplicationsOwnBeansReplaceOurs() {
    FakeSigner signer = new FakeSigner();
    RecordingProofDelivery delivery = RecordingProofDelivery.create(Clock.systemUTC());
    runner().withBean(ProofSigner.class, () -> signer).withBean(ProofDelivery.class, () -> delivery)
        .withBean(DataSource.class, () -> h2("own"))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(SmtpSandbox.class).doesNotHaveBean(SmtpSettings.class);
          assertThat(context.getBean(ProofSigner.class)).isSameAs(signer);
          assertThat(context.getBean(ProofDelivery.class)).isSameAs(delivery);
          fulfillOne(context.getBean(OpenProofOperations.class));
          assertThat(signer.calls()).isEqualTo(1);
          assertThat(delivery.delivered()).hasSize(1);
          assertThat(tableExists(context.getBean(DataSource.class), "OPENPROOF_ORDER")).isTrue();
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("openproof.orders").tag("outcome", "new").counter().count()).isEqualTo(1.0);
          assertThat(registry.get("openproof.proofs.issued").counter().count()).isEqualTo(1.0);
          assertThat(registry.get("openproof.deliveries.pending").gauge().value()).isEqualTo(0.0);
        });
  }

  @Test
  void whereFlywayRunsItAppliesTheLedgerSchemaAndTheStarterDoesNot() {
    runner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:flyway;DB_CLOSE_DELAY=-1",
            "spring.flyway.locations=classpath:dev/openproof/jdbc/migration")
        .run(context -> {
          assertThat(context).hasNotFailed();
          DataSource ds = context.getBean(DataSource.class);
          assertThat(tableExists(ds, "flyway_schema_history")).isTrue();
          assertThat(fulfillOne(context.getBean(OpenProofOperations.class)).deliveryStatus())
              .hasValue(DeliveryStatus.DELIVERED);
        });
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static String payload(String token) {
    return new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static DataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + "-" + ORDERS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  private static boolean tableExists(DataSource ds, String table) throws SQLException {
    try (Connection c = ds.getConnection(); var rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
          return true;
        }
      }
      return false;
    }
  }
}
