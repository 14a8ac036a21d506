package dev.openproof.spring;

import dev.openproof.core.port.ProofDelivery;
import dev.openproof.mail.SmtpSettings;
import dev.openproof.mail.SupportDirectory;
import dev.openproof.mail.TlsMode;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded SMTP sandbox: where {@code openproof.smtp.host} is not set, GreenMail is on the
 * class path and the application has neither {@link SmtpSettings} nor {@link ProofDelivery} of its
 * own, proofs go to an {@link SmtpSandbox} in the process, and its mail to {@code
 * <openproof.dir>/outbox}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = OpenProofAutoConfiguration.class)
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@Conditional(OpenProofSandboxAutoConfiguration.NoSmtpHost.class)
@ConditionalOnMissingBean({SmtpSettings.class, ProofDelivery.class})
@EnableConfigurationProperties(OpenProofProperties.class)
public class OpenProofSandboxAutoConfiguration {
  /** Created by Spring. */
  public OpenProofSandboxAutoConfiguration() {}

  /**
   * The sandbox, started.
   *
   * @param properties the properties
   * @return the sandbox
   */
  @Bean(destroyMethod = "close")
  public SmtpSandbox openProofSmtpSandbox(OpenProofProperties properties) {
    return SmtpSandbox.start(properties.getDir().resolve("outbox"));
  }

  /**
   * The settings of the sandbox's SMTP server.
   *
   * @param sandbox the sandbox
   * @param properties the properties
   * @param support the support contacts
   * @return the settings
   */
  @Bean
  public SmtpSettings openProofSmtpSettings(SmtpSandbox sandbox, OpenProofProperties properties, SupportDirectory support) {
    return DeliveryConfiguration.settings(properties, support).host("127.0.0.1").port(sandbox.port()).tls(TlsMode.NONE).build();
  }

  /**
   * The support contacts, needed here before the main configuration runs.
   *
   * @param properties the properties
   * @return the directory
   */
  @Bean
  @ConditionalOnMissingBean
  public SupportDirectory openProofSupportDirectory(OpenProofProperties properties) {
    return DeliveryConfiguration.supportDirectory(properties.getSupport());
  }

  /**
   * Saves the sandbox's mail in its outbox every second.
   *
   * @param sandbox the sandbox
   * @return the task
   */
  @Bean
  public OpenProofTask openProofSandboxDrain(SmtpSandbox sandbox) {
    return new OpenProofTask("sandbox outbox", Duration.ofSeconds(1), sandbox::drain);
  }

  /** Matches where {@code openproof.smtp.host} is unset or blank. */
  static final class NoSmtpHost extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      String host = context.getEnvironment().getProperty("openproof.smtp.host");
      return host == null || host.isBlank()
          ? ConditionOutcome.match("openproof.smtp.host is not set")
          : ConditionOutcome.noMatch("openproof.smtp.host is " + host);
    }
  }
}
