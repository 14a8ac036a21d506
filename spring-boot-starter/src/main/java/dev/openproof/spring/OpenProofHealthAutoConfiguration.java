package dev.openproof.spring;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.mail.SmtpSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The workflow's Actuator health: {@code openproofLedger}, {@code openproofSmtp} and {@code
 * openproofSigningKey}, each replaced by an application bean of the same name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenProofAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class OpenProofHealthAutoConfiguration {
  /** Created by Spring. */
  public OpenProofHealthAutoConfiguration() {}

  /**
   * The ledger's health.
   *
   * @param ledger the ledger
   * @return the indicator
   */
  @Bean
  @ConditionalOnBean(ProofLedger.class)
  @ConditionalOnMissingBean(name = "openproofLedgerHealthIndicator")
  public HealthIndicator openproofLedgerHealthIndicator(ProofLedger ledger) {
    return OpenProofHealth.ledger(ledger);
  }

  /**
   * The SMTP server's health.
   *
   * @param settings the server
   * @param properties the properties
   * @return the indicator
   */
  @Bean
  @ConditionalOnBean(SmtpSettings.class)
  @ConditionalOnMissingBean(name = "openproofSmtpHealthIndicator")
  public HealthIndicator openproofSmtpHealthIndicator(SmtpSettings settings, OpenProofProperties properties) {
    return OpenProofHealth.smtp(settings, properties.getSmtp().getHealthCache(), Clock.systemUTC());
  }

  /**
   * The signing key's health.
   *
   * @param keys the key folder
   * @return the indicator
   */
  @Bean
  @ConditionalOnBean(SigningKeys.class)
  @ConditionalOnMissingBean(name = "openproofSigningKeyHealthIndicator")
  public HealthIndicator openproofSigningKeyHealthIndicator(SigningKeys keys) {
    return OpenProofHealth.signingKey(keys);
  }
}
