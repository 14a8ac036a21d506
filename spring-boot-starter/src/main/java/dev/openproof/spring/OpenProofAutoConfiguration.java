package dev.openproof.spring;

import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.fulfillment.LicenseFulfillmentBuilder;
import dev.openproof.core.fulfillment.RetryPolicy;
import dev.openproof.core.memory.InMemoryInvoicing;
import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.port.FulfillmentListener;
import dev.openproof.core.port.Invoicing;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.core.port.StatusLists;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.mail.SmtpProofDelivery;
import dev.openproof.mail.SmtpSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the OpenProof workflow from {@code openproof.*} properties. Every bean
 * gives way to an application bean of the same type: {@link SigningKeys}, {@link ProofSigner},
 * {@link ProofLedger}, {@link StatusLists}, {@link StatusListPublisher}, {@link SmtpSettings},
 * {@link ProofDelivery}, {@link Invoicing}, {@link LicenseFulfillment}, {@link OpenProofOperations}
 * and {@link OpenProofScheduler}. Each {@link FulfillmentListener} bean hears the workflow's events.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties(OpenProofProperties.class)
@Import({LedgerConfiguration.class, DeliveryConfiguration.class})
public class OpenProofAutoConfiguration {
  /** Created by Spring. */
  public OpenProofAutoConfiguration() {}

  /**
   * The key folder.
   *
   * @param properties the properties
   * @return the keys
   */
  @Bean
  @ConditionalOnMissingBean
  public SigningKeys openProofSigningKeys(OpenProofProperties properties) {
    try {
      return SigningKeys.open(properties.keyDir(), properties.getKeys().getAlgorithm(), properties.getKeys().isGenerate());
    } catch (RuntimeException e) {
      throw Properties.invalid("openproof.keys.dir", properties.keyDir(), e.getMessage());
    }
  }

  /**
   * The signer, with the key folder's active key.
   *
   * @param keys the keys
   * @param properties the properties
   * @return the signer
   */
  @Bean
  @ConditionalOnMissingBean
  public ProofSigner openProofSigner(SigningKeys keys, OpenProofProperties properties) {
    return new KeyFolderSigner(keys, properties.getIssuer());
  }

  /**
   * The status lists, in the ledger where it is JDBC.
   *
   * @param ledger the ledger
   * @param properties the properties
   * @return the lists
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "openproof.status", name = "enabled", matchIfMissing = true)
  public StatusLists openProofStatusLists(ProofLedger ledger, OpenProofProperties properties) {
    return ledger instanceof JdbcProofLedger jdbc
        ? jdbc.statusLists(properties.statusBase())
        : InMemoryStatusLists.create(properties.statusBase());
  }

  /**
   * The publisher of the signed status lists.
   *
   * @param lists the lists
   * @param keys the keys that sign them
   * @param properties the properties
   * @param clock the application's clock, if it has one
   * @return the publisher
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "openproof.status", name = "enabled", matchIfMissing = true)
  public StatusListPublisher openProofStatusListPublisher(StatusLists lists, SigningKeys keys,
      OpenProofProperties properties, ObjectProvider<Clock> clock) {
    StatusProperties status = properties.getStatus();
    Properties.requirePositive("openproof.status.ttl", status.getTtl());
    Properties.requirePositive("openproof.status.validity", status.getValidity());
    return new StatusListPublisher(lists, keys, properties.getIssuer(), status.getTtl(), status.getValidity(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The invoicing of both legs: in memory, until the application plugs in its billing system.
   *
   * @return the invoicing
   */
  @Bean
  @ConditionalOnMissingBean
  public Invoicing openProofInvoicing() {
    return InMemoryInvoicing.create();
  }

  /**
   * The workflow.
   *
   * @param signer the signer
   * @param delivery the delivery
   * @param invoicing the invoicing
   * @param ledger the ledger
   * @param lists the status lists, if enabled
   * @param listeners every listener bean
   * @param clock the application's clock, if it has one
   * @param properties the properties
   * @return the workflow
   */
  @Bean
  @ConditionalOnMissingBean
  public LicenseFulfillment openProofFulfillment(ProofSigner signer, ProofDelivery delivery, Invoicing invoicing,
      ProofLedger ledger, ObjectProvider<StatusLists> lists, ObjectProvider<FulfillmentListener> listeners,
      ObjectProvider<Clock> clock, OpenProofProperties properties) {
    DeliveryProperties d = properties.getDelivery();
    Properties.requirePositive("openproof.delivery.lease", d.getLease());
    Properties.requirePositive("openproof.delivery.retry-first-delay", d.getRetryFirstDelay());
    if (d.getRetryMaxDelay().compareTo(d.getRetryFirstDelay()) < 0) {
      throw Properties.invalid("openproof.delivery.retry-max-delay", d.getRetryMaxDelay(),
          "must not be shorter than openproof.delivery.retry-first-delay");
    }
    if (d.getClaimWait().isNegative()) {
      throw Properties.invalid("openproof.delivery.claim-wait", d.getClaimWait(), "must not be negative");
    }
    LicenseFulfillmentBuilder builder = LicenseFulfillment.builder()
        .signer(signer)
        .delivery(delivery)
        .invoicing(invoicing)
        .ledger(ledger)
        .clock(clock.getIfAvailable(Clock::systemUTC))
        .retryPolicy(new RetryPolicy(d.getRetryFirstDelay(), d.getRetryMaxDelay(), d.getMaxAttempts()))
        .lease(d.getLease())
        .claimWait(d.getClaimWait())
        .batchSize(d.getBatchSize())
        .deferDelivery(d.isDefer());
    lists.ifAvailable(builder::statusLists);
    listeners.orderedStream().forEach(builder::listener);
    return builder.build();
  }

  /**
   * The operations on the workflow, timed and counted.
   *
   * @param fulfillment the workflow
   * @param ledger its ledger
   * @param lists its status lists, if enabled
   * @param publisher their publisher, if enabled
   * @param meter the meter, if metrics are on
   * @return the operations
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenProofOperations openProofOperations(LicenseFulfillment fulfillment, ProofLedger ledger,
      ObjectProvider<StatusLists> lists, ObjectProvider<StatusListPublisher> publisher,
      ObjectProvider<FulfillmentMeter> meter) {
    return new OpenProofOperations(fulfillment, ledger, lists.getIfAvailable(), publisher.getIfAvailable(),
        meter.getIfAvailable(() -> FulfillmentMeter.NONE));
  }

  /**
   * The scheduled work: redelivery, status lists, key folder, and every other {@link OpenProofTask} bean.
   *
   * @param operations the operations
   * @param keys the key folder
   * @param publisher the status list publisher, if enabled
   * @param others other tasks
   * @param properties the properties
   * @return the scheduler
   */
  @Bean
  @ConditionalOnMissingBean
  public OpenProofScheduler openProofScheduler(OpenProofOperations operations, SigningKeys keys,
      ObjectProvider<StatusListPublisher> publisher, ObjectProvider<OpenProofTask> others, OpenProofProperties properties) {
    Properties.requirePositive("openproof.delivery.redeliver-interval", properties.getDelivery().getRedeliverInterval());
    Properties.requirePositive("openproof.keys.reload-interval", properties.getKeys().getReloadInterval());
    List<OpenProofTask> tasks = new ArrayList<>();
    tasks.add(new OpenProofTask("redelivery", properties.getDelivery().getRedeliverInterval(), operations::redeliverPending));
    tasks.add(new OpenProofTask("key folder reload", properties.getKeys().getReloadInterval(), keys::reload));
    StatusListPublisher p = publisher.getIfAvailable();
    if (p != null) {
      Properties.requirePositive("openproof.status.refresh-interval", properties.getStatus().getRefreshInterval());
      tasks.add(new OpenProofTask("status list publishing", properties.getStatus().getRefreshInterval(), p::refresh));
    }
    others.orderedStream().forEach(tasks::add);
    return new OpenProofScheduler(tasks, properties.getDelivery().getShutdownTimeout());
  }
}
